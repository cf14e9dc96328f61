package dev.codexcontinue.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the model is told about a tool: its name, what it does, and the JSON Schema of its arguments
 * (an {@code object} schema, as JSON text).
 *
 * @param name 1 to 64 characters of {@code [a-zA-Z0-9_-]}, the rule every provider accepts
 * @param description what the tool does and when to use it
 * @param parametersSchema the JSON Schema of the arguments object, as JSON text
 */
public record ToolSpec(String name, String description, String parametersSchema) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  /** An arguments schema that takes no arguments. */
  public static final String NO_PARAMETERS =
      "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";

  /** Checks the components. */
  public ToolSpec {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(parametersSchema, "parametersSchema == null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "tool name must be 1-64 characters of [a-zA-Z0-9_-], was '" + name + "'");
    }
    if (!parametersSchema.strip().startsWith("{")) {
      throw new IllegalArgumentException("parametersSchema must be a JSON object");
    }
  }

  /** Returns a spec for a tool that takes no arguments. */
  public static ToolSpec withoutParameters(String name, String description) {
    return new ToolSpec(name, description, NO_PARAMETERS);
  }
}
