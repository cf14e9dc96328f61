package dev.codexcontinue.core.tool;

import dev.codexcontinue.api.ToolContext;
import javax.annotation.Nullable;

/**
 * The code behind a tool built with {@link Tools#builder(String)}. It receives arguments that have
 * already been validated against the tool's schema.
 *
 * <p>What it returns becomes the tool result: a {@link dev.codexcontinue.api.ToolResult} as is, a
 * {@link CharSequence} as text, {@code null} or an empty {@link java.util.Optional} as {@code
 * null}, and any other value written as JSON. What it throws becomes an error result for the model
 * (a short message, never a stack trace). Handlers may be called from several threads at once.
 */
@FunctionalInterface
public interface ToolHandler {
  /**
   * Runs one call.
   *
   * @param arguments the validated arguments
   * @param context the user, session, deadline and cancellation signal of the call
   * @return the result, see the class documentation
   * @throws Exception any failure; the model receives it as an error result
   */
  @Nullable
  Object handle(ToolArguments arguments, ToolContext context) throws Exception;
}
