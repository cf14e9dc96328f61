package dev.codexcontinue.cli.agents;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pull request named by its web URL ({@code https://github.com/OWNER/REPO/pull/N}, or a GitHub
 * Enterprise host) or by the short form {@code OWNER/REPO#N}.
 *
 * @param owner the repository owner
 * @param repo the repository name
 * @param number the pull request number
 * @param apiUrl the REST API the pull request lives behind: {@code https://api.github.com} for
 *     github.com, {@code https://HOST/api/v3} for an Enterprise host
 */
public record PullRequestRef(String owner, String repo, int number, String apiUrl) {
  private static final Pattern SHORT = Pattern.compile("([\\w.-]+)/([\\w.-]+)#(\\d+)");
  private static final Pattern PATH = Pattern.compile("/([\\w.-]+)/([\\w.-]+)/pulls?/(\\d+)(/.*)?");

  /** Checks the components. */
  public PullRequestRef {
    Objects.requireNonNull(owner, "owner == null");
    Objects.requireNonNull(repo, "repo == null");
    Objects.requireNonNull(apiUrl, "apiUrl == null");
    if (number < 1) {
      throw new IllegalArgumentException("pull request number must be positive: " + number);
    }
  }

  /**
   * Parses a pull request URL or {@code OWNER/REPO#N}.
   *
   * @throws IllegalArgumentException when {@code text} is neither
   */
  public static PullRequestRef parse(String text) {
    Objects.requireNonNull(text, "text == null");
    String t = text.strip();
    Matcher shortForm = SHORT.matcher(t);
    if (shortForm.matches()) {
      return new PullRequestRef(
          shortForm.group(1), shortForm.group(2), number(shortForm.group(3), t), githubApi());
    }
    URI uri;
    try {
      uri = URI.create(t);
    } catch (IllegalArgumentException e) {
      throw invalid(t);
    }
    String host = uri.getHost();
    String path = uri.getPath();
    if (host == null
        || path == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw invalid(t);
    }
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      throw invalid(t);
    }
    String api =
        host.equalsIgnoreCase("github.com") || host.equalsIgnoreCase("www.github.com")
            ? githubApi()
            : uri.getScheme() + "://" + uri.getRawAuthority() + "/api/v3";
    return new PullRequestRef(m.group(1), m.group(2), number(m.group(3), t), api);
  }

  /** Returns {@code OWNER/REPO#N}. */
  @Override
  public String toString() {
    return owner + "/" + repo + "#" + number;
  }

  private static String githubApi() {
    return "https://api.github.com";
  }

  private static int number(String digits, String text) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw invalid(text);
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "not a pull request: '"
            + text
            + "' (expected https://github.com/OWNER/REPO/pull/N or OWNER/REPO#N)");
  }
}
