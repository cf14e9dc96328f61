package dev.codexcontinue.plugins.net;

import java.util.Objects;

/**
 * What the guard decided about one URL, before anything was sent.
 *
 * @param allowed whether the URL may be requested
 * @param url the URL as checked
 * @param reason why it was refused, or {@code "allowed"}
 */
public record SsrfDecision(boolean allowed, String url, String reason) {
  /** Checks the components. */
  public SsrfDecision {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(reason, "reason == null");
  }

  static SsrfDecision allow(String url) {
    return new SsrfDecision(true, url, "allowed");
  }

  static SsrfDecision deny(String url, String reason) {
    return new SsrfDecision(false, url, reason);
  }
}
