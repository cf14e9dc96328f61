package dev.codexcontinue.plugins.github.internal;

import dev.codexcontinue.plugins.net.internal.ToolArgs;
import java.util.Objects;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;

/**
 * One call to the GitHub API, before authentication is added: what the approver is shown and what
 * is sent.
 *
 * @param method the HTTP method
 * @param url the full URL
 * @param accept the media type asked for
 * @param body the JSON body, or {@code null}
 */
public record GitHubRequest(String method, HttpUrl url, String accept, @Nullable String body) {
  /** The default media type of the REST API. */
  public static final String JSON = "application/vnd.github+json";

  /** Checks the components. */
  public GitHubRequest {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(accept, "accept == null");
  }

  /** Returns a GET of {@code url} asking for JSON. */
  public static GitHubRequest get(HttpUrl url) {
    return new GitHubRequest("GET", url, JSON, null);
  }

  /** Returns a POST of {@code body} to {@code url}. */
  public static GitHubRequest post(HttpUrl url, String body) {
    return new GitHubRequest("POST", url, JSON, body);
  }

  /** Returns whether the call changes data on GitHub. */
  public boolean isMutation() {
    return !method.equals("GET") && !method.equals("HEAD");
  }

  /** Returns method, URL and, for calls with a body, the body (cut at 2,000 characters). */
  public String describe() {
    String line = method + " " + url;
    return body == null ? line : line + " body: " + ToolArgs.cap(body, 2000);
  }
}
