package dev.codexcontinue.api;

import java.util.Objects;

/**
 * A text part of a message.
 *
 * @param text the text, possibly empty
 */
public record TextPart(String text) implements ContentPart {
  /** Checks the text. */
  public TextPart {
    Objects.requireNonNull(text, "text == null");
  }
}
