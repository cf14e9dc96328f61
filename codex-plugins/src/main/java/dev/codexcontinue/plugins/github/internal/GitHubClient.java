package dev.codexcontinue.plugins.github.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.http.ErrorMapper;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.http.HttpTransport;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.http.Sleeper;
import dev.codexcontinue.plugins.net.internal.ToolArgs;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Talks to the GitHub REST API: adds the token and GitHub's headers, waits out rate limits on reads
 * (never on mutations), spaces mutations, never retries a mutation, and follows pagination links
 * only on the API's own origin. Thread-safe.
 */
public final class GitHubClient implements AutoCloseable {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

  /** Everything the client is configured with. */
  public record Config(
      HttpUrl apiUrl,
      @Nullable Secret token,
      @Nullable OkHttpClient client,
      Redactor redactor,
      Clock clock,
      Sleeper sleeper,
      RetryPolicy retryPolicy,
      Duration timeout,
      Duration maxRateLimitWait,
      int maxRateLimitWaits,
      Duration mutationInterval,
      int maxPages,
      long maxResponseBytes) {}

  private final Config config;
  private final HttpTransport http;
  private final MutationPacer pacer;

  /** Creates the client; its transport is closed by {@link #close()}. */
  public GitHubClient(Config config) {
    this.config = config;
    if (config.token() != null) {
      config.redactor().register(config.token());
    }
    HttpTransport.Builder b =
        HttpTransport.builder("github")
            .errorMapper(
                ErrorMapper.builder("github")
                    .requestIdHeader("x-github-request-id")
                    .rule(new RateLimitRule(config.clock()))
                    .build())
            .redactor(config.redactor())
            .retryPolicy(config.retryPolicy())
            .sleeper(config.sleeper())
            .clock(config.clock())
            .callTimeout(config.timeout())
            .maxResponseBytes(config.maxResponseBytes());
    if (config.client() != null) {
      b.client(config.client());
    }
    this.http = b.build();
    this.pacer = new MutationPacer(config.clock(), config.sleeper(), config.mutationInterval());
  }

  /** Returns the API's base URL. */
  public HttpUrl apiUrl() {
    return config.apiUrl();
  }

  /** Returns the redactor of logs, errors and tool output. */
  public Redactor redactor() {
    return config.redactor();
  }

  /** Returns the transport (for leak checks). */
  public HttpTransport transport() {
    return http;
  }

  /**
   * Sends {@code request}. A read that hits a rate limit waits as GitHub says (at most {@code
   * maxRateLimitWaits} times, each no longer than {@code maxRateLimitWait}) and tries again; a
   * mutation waits for its turn, is sent exactly once, and reports a rate limit without retrying.
   *
   * @throws CodexException when GitHub refuses or cannot be reached
   */
  public HttpResult send(GitHubRequest request) {
    if (request.isMutation()) {
      pacer.awaitTurn();
      try {
        return http.execute(call(request, request.url()));
      } catch (GitHubRateLimitException e) {
        throw new CodexException(
            "GitHub rate limit: "
                + request.method()
                + " was not sent again, since it changes data; GitHub asks to wait "
                + e.waitTime().toSeconds()
                + " s ("
                + e.getMessage()
                + ")",
            e);
      }
    }
    return read(request.url(), request.accept());
  }

  /**
   * Reads up to {@code limit} items from a list endpoint, page by page (at most {@code maxPages}),
   * following {@code Link: rel="next"} on the API's own origin only. {@code itemsField} names the
   * array inside each page ({@code items} for search), or is empty when the page is the array.
   */
  public List<JsonNode> list(HttpUrl first, String itemsField, int limit) {
    List<JsonNode> items = new ArrayList<>();
    HttpUrl url = first;
    for (int page = 0; page < config.maxPages() && url != null && items.size() < limit; page++) {
      HttpResult result = read(url, GitHubRequest.JSON);
      JsonNode root = json(result);
      JsonNode array = itemsField.isEmpty() ? root : root.path(itemsField);
      for (JsonNode item : array) {
        if (items.size() >= limit) {
          break;
        }
        items.add(item);
      }
      url = next(result).orElse(null);
    }
    return items;
  }

  /** Parses a JSON answer. */
  public static JsonNode json(HttpResult result) {
    try {
      return ToolArgs.JSON.readTree(result.body());
    } catch (IOException e) {
      throw new CodexException("GitHub answered with a body that is not JSON", e);
    }
  }

  private HttpResult read(HttpUrl url, String accept) {
    for (int waits = 0; ; waits++) {
      try {
        return http.execute(call(new GitHubRequest("GET", url, accept, null), url));
      } catch (GitHubRateLimitException e) {
        Duration wait = e.isGuessed() ? e.waitTime().multipliedBy(1L << waits) : e.waitTime();
        if (waits >= config.maxRateLimitWaits() || wait.compareTo(config.maxRateLimitWait()) > 0) {
          throw new CodexException(
              "GitHub rate limit: try again in " + wait.toSeconds() + " s (" + e.getMessage() + ")",
              e);
        }
        sleep(wait);
      }
    }
  }

  private HttpCall call(GitHubRequest request, HttpUrl url) {
    HttpCall.Builder b =
        HttpCall.of(request.method(), url)
            .header("Accept", request.accept())
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "CodexContinue")
            .operation(request.method().equals("GET") ? "read" : "write")
            // Mutations are sent once: a retry after a lost answer could comment twice.
            .repeatable(!request.isMutation());
    if (config.token() != null) {
      b.header("Authorization", "Bearer " + config.token().reveal());
    }
    if (request.body() != null) {
      b.jsonBody(request.body());
    }
    return b.build();
  }

  private Optional<HttpUrl> next(HttpResult result) {
    for (String link : result.headers().values("Link")) {
      Matcher m = NEXT.matcher(link);
      if (m.find()) {
        HttpUrl next = HttpUrl.parse(m.group(1));
        HttpUrl api = config.apiUrl();
        // The token goes only where it was configured to go.
        if (next != null
            && next.scheme().equals(api.scheme())
            && next.host().equals(api.host())
            && next.port() == api.port()) {
          return Optional.of(next);
        }
      }
    }
    return Optional.empty();
  }

  private void sleep(Duration wait) {
    try {
      config.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException("interrupted while waiting for GitHub's rate limit");
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
