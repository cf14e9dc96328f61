package dev.codexcontinue.plugins.docs;

import java.util.Objects;

/**
 * An indexed passage found by {@link DocsIndexer#search}.
 *
 * @param source the file's path relative to the indexed root, with {@code /} separators
 * @param lineStart the passage's first line, 1-based
 * @param lineEnd the passage's last line, inclusive
 * @param score the similarity to the query, higher meaning closer (the store's metric)
 * @param text the passage, with registered secrets masked
 * @param heading the Markdown heading the passage falls under; empty when none
 */
public record DocsMatch(
    String source, int lineStart, int lineEnd, double score, String text, String heading) {
  /** Checks the components. */
  public DocsMatch {
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(heading, "heading == null");
  }

  /** Returns the citation {@code source:lineStart-lineEnd}, for example {@code docs/a.md:3-14}. */
  public String citation() {
    return source + ":" + lineStart + "-" + lineEnd;
  }
}
