package dev.codexcontinue.api;

import dev.codexcontinue.api.internal.Checks;
import java.util.Objects;

/**
 * A call the model asked for: the id that its result must quote, the tool's name, and the arguments
 * as the JSON text the model produced (not yet validated).
 *
 * @param id the call id; providers without ids get a generated one
 * @param name the tool's name
 * @param arguments the arguments as JSON text, normally an object
 */
public record ToolCall(String id, String name, String arguments) {
  /** Checks the components. */
  public ToolCall {
    Checks.notBlank(id, "id");
    Checks.notBlank(name, "name");
    Objects.requireNonNull(arguments, "arguments == null");
  }

  /** Returns a call with the given id, name and JSON arguments. */
  public static ToolCall of(String id, String name, String arguments) {
    return new ToolCall(id, name, arguments);
  }
}
