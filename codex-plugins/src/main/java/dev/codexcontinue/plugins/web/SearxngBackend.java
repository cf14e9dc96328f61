package dev.codexcontinue.plugins.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.plugins.net.internal.GuardedTransport;
import dev.codexcontinue.plugins.web.internal.SearchResponses;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;

/**
 * Searches a SearxNG instance through its JSON API ({@code GET /search?q=...&format=json}). The
 * instance must allow the {@code json} format ({@code search.formats} in its {@code settings.yml});
 * otherwise it answers 403. Thread-safe; close it to release its connections.
 *
 * <pre>{@code
 * SearchBackend searx = SearxngBackend.builder("http://localhost:8888").language("en").build();
 * }</pre>
 */
public final class SearxngBackend implements SearchBackend {
  private final HttpUrl endpoint;
  @Nullable private final String categories;
  @Nullable private final String language;
  private final int safeSearch;
  private final GuardedTransport http;

  private SearxngBackend(Builder b) {
    this.endpoint = b.endpoint;
    this.categories = b.categories;
    this.language = b.language;
    this.safeSearch = b.safeSearch;
    this.http = b.transport("searxng", b.endpoint, null);
  }

  /** Returns a builder for the instance at {@code baseUrl} (for example http://localhost:8888). */
  public static Builder builder(String baseUrl) {
    return new Builder(BackendBuilder.endpoint(baseUrl, "baseUrl"));
  }

  @Override
  public String name() {
    return "searxng";
  }

  @Override
  public List<SearchResult> search(String query, int maxResults) {
    Objects.requireNonNull(query, "query == null");
    HttpCall call =
        HttpCall.of("GET", url(query))
            .header("Accept", "application/json")
            .operation("search")
            .build();
    HttpResult result = SearchResponses.send(http, call, name(), this::hint);
    JsonNode root = SearchResponses.json(result, name());
    return SearchResponses.collect(root.path("results"), "title", "url", "content", maxResults);
  }

  @Override
  public String describe(String query, int maxResults) {
    return "GET " + url(query);
  }

  private HttpUrl url(String query) {
    HttpUrl.Builder u =
        endpoint
            .newBuilder()
            .addPathSegment("search")
            .addQueryParameter("q", query)
            .addQueryParameter("format", "json")
            .addQueryParameter("pageno", "1")
            .addQueryParameter("safesearch", Integer.toString(safeSearch));
    if (categories != null) {
      u.addQueryParameter("categories", categories);
    }
    if (language != null) {
      u.addQueryParameter("language", language);
    }
    return u.build();
  }

  private String hint(int status) {
    return status == 403
        ? " (SearxNG refuses format=json unless 'json' is listed in search.formats of its"
            + " settings.yml)"
        : "";
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "SearxngBackend[" + endpoint + "]";
  }

  /** Builds a {@link SearxngBackend}. Not thread-safe. */
  public static final class Builder extends BackendBuilder<Builder> {
    private final HttpUrl endpoint;
    @Nullable private String categories;
    @Nullable private String language;
    private int safeSearch = 1;

    private Builder(HttpUrl endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    Builder self() {
      return this;
    }

    /** Sets the SearxNG categories, comma-separated ({@code general}, {@code it}, ...). */
    public Builder categories(String categories) {
      this.categories = Objects.requireNonNull(categories, "categories == null");
      return this;
    }

    /** Sets the search language ({@code en}, {@code de-CH}, ...). */
    public Builder language(String language) {
      this.language = Objects.requireNonNull(language, "language == null");
      return this;
    }

    /** Sets safe search: 0 off, 1 moderate (the default), 2 strict. */
    public Builder safeSearch(int level) {
      if (level < 0 || level > 2) {
        throw new IllegalArgumentException("safeSearch must be 0, 1 or 2");
      }
      this.safeSearch = level;
      return this;
    }

    /** Returns the backend. */
    public SearxngBackend build() {
      return new SearxngBackend(this);
    }
  }
}
