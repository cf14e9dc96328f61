package dev.codexcontinue.plugins.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.plugins.net.internal.GuardedTransport;
import dev.codexcontinue.plugins.web.internal.SearchResponses;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;

/**
 * Searches with the Brave Search web API ({@code GET /res/v1/web/search}, key in {@code
 * X-Subscription-Token}). The key is masked in logs, errors and tool output. Thread-safe; close it
 * to release its connections.
 */
public final class BraveBackend implements SearchBackend {
  /** The public endpoint of the Brave Search API. */
  public static final String DEFAULT_ENDPOINT = "https://api.search.brave.com/res/v1/web/search";

  private static final int MAX_COUNT = 20;

  private final HttpUrl endpoint;
  private final Secret apiKey;
  @Nullable private final String country;
  private final GuardedTransport http;

  private BraveBackend(Builder b) {
    this.endpoint = b.endpoint;
    this.apiKey = b.apiKey;
    this.country = b.country;
    b.redactor.sensitiveHeader("X-Subscription-Token");
    this.http = b.transport("brave", b.endpoint, b.apiKey);
  }

  /** Returns a builder that authenticates with {@code apiKey}. */
  public static Builder builder(Secret apiKey) {
    return new Builder(Objects.requireNonNull(apiKey, "apiKey == null"));
  }

  @Override
  public String name() {
    return "brave";
  }

  @Override
  public List<SearchResult> search(String query, int maxResults) {
    Objects.requireNonNull(query, "query == null");
    HttpCall call =
        HttpCall.of("GET", url(query, maxResults))
            .header("Accept", "application/json")
            .header("X-Subscription-Token", apiKey.reveal())
            .operation("search")
            .build();
    HttpResult result = SearchResponses.send(http, call, name(), status -> "");
    JsonNode root = SearchResponses.json(result, name());
    return SearchResponses.collect(
        root.path("web").path("results"), "title", "url", "description", maxResults);
  }

  @Override
  public String describe(String query, int maxResults) {
    return "GET " + url(query, maxResults);
  }

  private HttpUrl url(String query, int maxResults) {
    HttpUrl.Builder u =
        endpoint
            .newBuilder()
            .addQueryParameter("q", query)
            .addQueryParameter("count", Integer.toString(Math.min(maxResults, MAX_COUNT)));
    if (country != null) {
      u.addQueryParameter("country", country);
    }
    return u.build();
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "BraveBackend[" + endpoint + ", apiKey=****]";
  }

  /** Builds a {@link BraveBackend}. Not thread-safe. */
  public static final class Builder extends BackendBuilder<Builder> {
    private final Secret apiKey;
    private HttpUrl endpoint = BackendBuilder.endpoint(DEFAULT_ENDPOINT, "endpoint");
    @Nullable private String country;

    private Builder(Secret apiKey) {
      this.apiKey = apiKey;
    }

    @Override
    Builder self() {
      return this;
    }

    /** Sets the API endpoint; {@link #DEFAULT_ENDPOINT} by default. */
    public Builder endpoint(String url) {
      this.endpoint = BackendBuilder.endpoint(url, "endpoint");
      return this;
    }

    /** Sets the two-letter country the results come from ({@code us}, {@code de}, ...). */
    public Builder country(String country) {
      this.country = Objects.requireNonNull(country, "country == null");
      return this;
    }

    /** Returns the backend. */
    public BraveBackend build() {
      return new BraveBackend(this);
    }
  }
}
