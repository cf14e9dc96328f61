package dev.codexcontinue.plugins.github;

import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.http.HttpTransport;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.http.Sleeper;
import dev.codexcontinue.plugins.github.internal.GitHubClient;
import dev.codexcontinue.plugins.github.internal.GitHubToolSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The GitHub tools over the REST API: {@code github_get_file}, {@code github_list_pull_requests},
 * {@code github_get_pull_request}, {@code github_get_pull_request_diff}, {@code
 * github_list_pull_request_files}, {@code github_list_issues}, {@code github_search_code}, and,
 * unless read-only, {@code github_comment} and {@code github_create_review}, which ask for approval
 * by default and show the approver the exact method, URL and body.
 *
 * <p>Rate limits follow GitHub's rules: a read refused with {@code retry-after} waits that long;
 * one refused with {@code x-ratelimit-remaining: 0} waits until {@code x-ratelimit-reset}; one
 * refused without either waits a minute, doubling on each repeat; at most {@code maxRateLimitWaits}
 * waits of at most {@code maxRateLimitWait} each, otherwise the model is told when to try again.
 * Mutations are sent exactly once (never retried, not even on 5xx) and at least {@code
 * mutationInterval} apart. Other reads are retried by the transport's {@link RetryPolicy}. The
 * token is masked in results, logs and errors. Close the tools to release their connections.
 * Thread-safe.
 *
 * <pre>{@code
 * try (GitHubTools github = GitHubTools.builder().fromEnv().build()) {
 *   Agent agent = Agent.builder().provider(provider).tools(github.tools()).build();
 * }
 * }</pre>
 */
public final class GitHubTools implements AutoCloseable {
  /** The API URL of github.com. */
  public static final String DEFAULT_API_URL = "https://api.github.com";

  private final GitHubClient client;
  private final List<Tool> tools;

  private GitHubTools(Builder b) {
    this.client =
        new GitHubClient(
            new GitHubClient.Config(
                b.apiUrl,
                b.token,
                b.client,
                b.redactor,
                b.clock,
                b.sleeper,
                b.retryPolicy,
                b.timeout,
                b.maxRateLimitWait,
                b.maxRateLimitWaits,
                b.mutationInterval,
                b.maxPages,
                b.maxResponseBytes));
    this.tools = GitHubToolSet.create(client, b.readOnly, b.maxFileChars, b.maxDiffBytes);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the tools, reads first. */
  public List<Tool> tools() {
    return tools;
  }

  /** Returns the transport the tools call GitHub with (for diagnostics such as leak checks). */
  public HttpTransport transport() {
    return client.transport();
  }

  /** Releases the tools' connections. */
  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "GitHubTools[" + client.apiUrl() + ", " + tools.size() + " tools, token=****]";
  }

  /** Builds {@link GitHubTools}. Not thread-safe. */
  public static final class Builder {
    private HttpUrl apiUrl = Objects.requireNonNull(HttpUrl.parse(DEFAULT_API_URL));
    @Nullable private Secret token;
    @Nullable private OkHttpClient client;
    private Redactor redactor = Redactor.create();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration timeout = Duration.ofSeconds(60);
    private Duration maxRateLimitWait = Duration.ofSeconds(90);
    private int maxRateLimitWaits = 2;
    private Duration mutationInterval = Duration.ofSeconds(1);
    private int maxPages = 5;
    private long maxResponseBytes = 16L << 20;
    private int maxFileChars = 100_000;
    private int maxDiffBytes = 256 << 10;
    private boolean readOnly;

    private Builder() {}

    /**
     * Reads {@code github.*} settings: {@code token} ({@code GITHUB_TOKEN}), {@code api-url}
     * ({@code GITHUB_API_URL}), {@code read-only}, {@code timeout}, {@code max-retries}, {@code
     * max-rate-limit-wait} and {@code max-pages}. Every secret in {@code settings} is registered
     * with the redactor.
     *
     * @throws ConfigurationException when a value is malformed
     */
    public Builder settings(Settings settings) {
      Objects.requireNonNull(settings, "settings == null");
      redactor.registerAll(settings.secretValues());
      Settings gh = settings.withPrefix("github");
      gh.secret("token").ifPresent(this::token);
      gh.get("api-url").filter(v -> !v.isBlank()).ifPresent(this::apiUrl);
      readOnly(gh.flag("read-only", readOnly));
      gh.duration("timeout").ifPresent(this::timeout);
      gh.integer("max-retries")
          .ifPresent(n -> retryPolicy(retryPolicy.toBuilder().maxRetries(n).build()));
      gh.duration("max-rate-limit-wait").ifPresent(this::maxRateLimitWait);
      gh.integer("max-pages").ifPresent(this::maxPages);
      return this;
    }

    /** Reads the settings from system properties, the environment and {@code ./.env}. */
    public Builder fromEnv() {
      return settings(Settings.fromEnvironment());
    }

    /** Sets the token; without one, only public data can be read, slowly (60 calls an hour). */
    public Builder token(Secret token) {
      this.token = Objects.requireNonNull(token, "token == null");
      redactor.register(token);
      return this;
    }

    /**
     * Sets the API URL: {@link #DEFAULT_API_URL}, or {@code https://HOST/api/v3} for GitHub
     * Enterprise Server.
     *
     * @throws IllegalArgumentException when it is not an http(s) URL
     */
    public Builder apiUrl(String url) {
      Objects.requireNonNull(url, "url == null");
      HttpUrl parsed = HttpUrl.parse(url.strip());
      if (parsed == null) {
        throw new IllegalArgumentException("not an http(s) URL: " + url);
      }
      this.apiUrl = parsed;
      return this;
    }

    /** Leaves the comment and review tools out. */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /** Borrows the caller's OkHttp client (shared pool and dispatcher); never shut down. */
    public Builder httpClient(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Shares a redactor, so that the tools mask every secret it knows. */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor == null");
      if (token != null) {
        redactor.register(token);
      }
      return this;
    }

    /** Sets the clock that rate-limit resets and mutation spacing are measured with. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets what waits for rate limits, retries and mutation spacing (tests record instead). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Sets how reads are retried on connection errors and 5xx; mutations never are. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /** Sets the total deadline of one request; 60 s by default. */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** Sets the longest rate-limit wait a read accepts; 90 s by default. */
    public Builder maxRateLimitWait(Duration wait) {
      this.maxRateLimitWait = positive(wait, "maxRateLimitWait");
      return this;
    }

    /** Sets how many rate-limit waits one read may take; 2 by default, 0 never waits. */
    public Builder maxRateLimitWaits(int waits) {
      if (waits < 0) {
        throw new IllegalArgumentException("maxRateLimitWaits must be >= 0");
      }
      this.maxRateLimitWaits = waits;
      return this;
    }

    /** Sets the least time between two mutations; 1 s by default, as GitHub asks. */
    public Builder mutationInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval == null");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("mutationInterval must not be negative");
      }
      this.mutationInterval = interval;
      return this;
    }

    /** Sets how many pages one list call may read; 5 by default. */
    public Builder maxPages(int pages) {
      if (pages < 1) {
        throw new IllegalArgumentException("maxPages must be >= 1");
      }
      this.maxPages = pages;
      return this;
    }

    /** Sets the most characters of a file returned; 100,000 by default. */
    public Builder maxFileChars(int chars) {
      if (chars < 100) {
        throw new IllegalArgumentException("maxFileChars must be >= 100");
      }
      this.maxFileChars = chars;
      return this;
    }

    /** Sets the most bytes of a diff returned; 256 KiB by default. */
    public Builder maxDiffBytes(int bytes) {
      if (bytes < 100) {
        throw new IllegalArgumentException("maxDiffBytes must be >= 100");
      }
      this.maxDiffBytes = bytes;
      return this;
    }

    /** Sets the largest answer read; 16 MiB by default. */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxResponseBytes must be >= 1024");
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /** Returns the tools. */
    public GitHubTools build() {
      return new GitHubTools(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
