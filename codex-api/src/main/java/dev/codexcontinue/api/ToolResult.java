package dev.codexcontinue.api;

import java.util.Objects;

/**
 * What a tool returned: text for the model, and whether it is an error. Errors go back to the model
 * like any result, so it can correct itself.
 *
 * @param content the text the model will read
 * @param isError whether the tool failed
 */
public record ToolResult(String content, boolean isError) {
  /** Checks the content. */
  public ToolResult {
    Objects.requireNonNull(content, "content == null");
  }

  /** Returns a successful result. */
  public static ToolResult of(String content) {
    return new ToolResult(content, false);
  }

  /** Returns an error result. */
  public static ToolResult error(String message) {
    return new ToolResult(message, true);
  }
}
