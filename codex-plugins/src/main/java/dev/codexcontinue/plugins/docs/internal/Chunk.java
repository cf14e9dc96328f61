package dev.codexcontinue.plugins.docs.internal;

import java.util.Objects;

/**
 * A piece of a file to index.
 *
 * @param lineStart the first line, 1-based
 * @param lineEnd the last line, inclusive
 * @param text the lines' text
 * @param heading the Markdown heading the lines fall under; empty outside Markdown
 */
public record Chunk(int lineStart, int lineEnd, String text, String heading) {
  /** Checks the components. */
  public Chunk {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(heading, "heading == null");
    if (lineStart < 1 || lineEnd < lineStart) {
      throw new IllegalArgumentException("bad line range " + lineStart + "-" + lineEnd);
    }
  }
}
