package dev.codexcontinue.plugins.web;

import java.util.Objects;

/**
 * One web search hit.
 *
 * @param title the page title
 * @param url the page's address
 * @param snippet the search engine's summary, as plain text
 */
public record SearchResult(String title, String url, String snippet) {
  /** Checks the components. */
  public SearchResult {
    Objects.requireNonNull(title, "title == null");
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(snippet, "snippet == null");
  }
}
