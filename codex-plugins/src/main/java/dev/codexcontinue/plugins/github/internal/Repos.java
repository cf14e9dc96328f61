package dev.codexcontinue.plugins.github.internal;

import dev.codexcontinue.plugins.net.internal.ToolArgs;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Builds API URLs from model arguments without letting them escape their place: owner and
 * repository names must look like GitHub's, and file paths may hold no {@code .} or {@code ..}
 * segment (OkHttp would resolve it) nor control characters.
 */
final class Repos {
  private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private Repos() {}

  /** Returns {@code {api}/repos/{owner}/{repo}} for the call's {@code owner} and {@code repo}. */
  static HttpUrl.Builder repo(HttpUrl api, ToolArgs args) {
    String owner = args.text("owner");
    String repo = args.text("repo");
    if (!OWNER.matcher(owner).matches()) {
      throw new IllegalArgumentException("owner '" + owner + "' is not a GitHub user or org name");
    }
    if (!REPO.matcher(repo).matches() || repo.equals(".") || repo.equals("..")) {
      throw new IllegalArgumentException("repo '" + repo + "' is not a GitHub repository name");
    }
    return api.newBuilder().addPathSegment("repos").addPathSegment(owner).addPathSegment(repo);
  }

  /** Appends the call's pull request or issue {@code number}. */
  static HttpUrl.Builder number(HttpUrl.Builder url, ToolArgs args) {
    if (args.value("number").isEmpty()) {
      throw new IllegalArgumentException("missing integer argument 'number'");
    }
    return url.addPathSegment(Integer.toString(args.integer("number", 0, 1, Integer.MAX_VALUE)));
  }

  /** Appends a file path, segment by segment. */
  static HttpUrl.Builder path(HttpUrl.Builder url, String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.isEmpty()) {
      return url;
    }
    for (String segment : p.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("path '" + path + "' has an empty, . or .. segment");
      }
      if (segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new IllegalArgumentException("path '" + path + "' has a control character");
      }
      url.addPathSegment(segment);
    }
    return url;
  }
}
