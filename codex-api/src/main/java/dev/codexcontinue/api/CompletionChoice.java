package dev.codexcontinue.api;

import java.util.Objects;

/**
 * One proposed completion: the text to insert at the cursor.
 *
 * @param index the choice's position, quoted when reporting acceptance
 * @param text the text to insert
 */
public record CompletionChoice(int index, String text) {
  /** Checks the components. */
  public CompletionChoice {
    if (index < 0) {
      throw new IllegalArgumentException("index < 0");
    }
    Objects.requireNonNull(text, "text == null");
  }
}
