package dev.codexcontinue.core.tool;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.core.tool.internal.SchemaValidator;

/** A tool with the spec it was registered with and its compiled argument schema. */
record RegisteredTool(Tool tool, ToolSpec spec, SchemaValidator validator) {
  static RegisteredTool of(Tool tool) {
    ToolSpec spec = tool.spec();
    try {
      return new RegisteredTool(tool, spec, SchemaValidator.compile(spec.parametersSchema()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tool '" + spec.name() + "' (" + tool.getClass().getName() + "): " + e.getMessage(), e);
    }
  }
}
