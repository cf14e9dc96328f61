package dev.codexcontinue.plugins.openapi.internal;

import java.util.List;
import java.util.Objects;

/**
 * One API operation, ready to become a tool.
 *
 * @param name the tool name, unique in the document
 * @param method the HTTP method, upper case
 * @param path the path template, such as {@code /pets/{petId}}
 * @param description what the tool does, for the model
 * @param parameters the path, query and header parameters
 * @param hasBody whether the tool takes a JSON {@code body} argument
 * @param schema the JSON Schema of the tool's arguments, as text
 */
record Operation(
    String name,
    String method,
    String path,
    String description,
    List<Parameter> parameters,
    boolean hasBody,
    String schema) {
  Operation {
    Objects.requireNonNull(name, "name == null");
    parameters = List.copyOf(parameters);
  }

  /**
   * A parameter of the operation.
   *
   * @param name its name on the wire
   * @param in where it goes: {@code path}, {@code query} or {@code header}
   * @param argument the name of the tool argument that carries it
   */
  record Parameter(String name, String in, String argument) {}
}
