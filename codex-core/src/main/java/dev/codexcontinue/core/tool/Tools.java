package dev.codexcontinue.core.tool;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolSpec;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Declares tools without implementing {@link Tool} by hand: from a name, a schema and a lambda
 * ({@link #builder(String)}), or from the {@link ToolMethod}s of an object ({@link
 * #fromAnnotated(Object)}).
 *
 * <pre>{@code
 * Tool add = Tools.builder("add")
 *     .description("Adds two integers")
 *     .parameters(JsonSchema.object()
 *         .property("a", JsonSchema.integer()).property("b", JsonSchema.integer())
 *         .required("a", "b"))
 *     .handler((args, ctx) -> args.integer("a") + args.integer("b"))
 *     .build();
 * }</pre>
 */
public final class Tools {
  private Tools() {}

  /**
   * Returns a builder for a tool named {@code name}.
   *
   * @throws IllegalArgumentException when the name is not 1 to 64 characters of {@code
   *     [a-zA-Z0-9_-]}
   */
  public static Builder builder(String name) {
    Objects.requireNonNull(name, "name == null");
    // Fail at the call that named the tool, not at build().
    ToolSpec.withoutParameters(name, "");
    return new Builder(name);
  }

  /**
   * Returns one tool per {@link ToolMethod} method of {@code instance} (public methods, inherited
   * ones included), sorted by tool name. Each tool's schema is derived from the method's
   * parameters; see {@link ToolParam} for names and optional arguments.
   *
   * <p>Parameter types map to schemas as follows: {@code String} to string; {@code int}, {@code
   * long}, {@code short}, {@code byte}, their boxes and {@code BigInteger} to integer; {@code
   * double}, {@code float}, their boxes and {@code BigDecimal} to number; {@code boolean} to
   * boolean; an enum to a string enum of its constant names; {@code List}, {@code Set}, {@code
   * Collection} and arrays of a supported type to array; {@code Map<String, V>} to an object of
   * {@code V} values; a record to a nested object of its components. {@code Optional<T>} makes an
   * argument optional. A {@code ToolContext} parameter receives the call's context and is not part
   * of the schema.
   *
   * @throws IllegalArgumentException when the object has no tool method, a method is not public,
   *     has an unsupported parameter type, a blank description, or a name clash
   */
  public static List<Tool> fromAnnotated(Object instance) {
    Objects.requireNonNull(instance, "instance == null");
    return AnnotatedTools.of(instance);
  }

  /** Builds a tool from a spec and a {@link ToolHandler}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    @Nullable private String description;
    private String parameters = ToolSpec.NO_PARAMETERS;
    private ToolPermission permission = ToolPermission.ALLOW;
    @Nullable private ToolHandler handler;

    private Builder(String name) {
      this.name = name;
    }

    /** Sets what the tool does and when to use it, as the model will read it. Required. */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description == null");
      return this;
    }

    /** Sets the schema of the arguments. Defaults to an object without properties. */
    public Builder parameters(JsonSchema schema) {
      this.parameters = Objects.requireNonNull(schema, "schema == null").toJson();
      return this;
    }

    /**
     * Sets the schema of the arguments as JSON Schema text; checked by {@link #build()}.
     *
     * @see JsonSchema
     */
    public Builder parameters(String schemaJson) {
      this.parameters = Objects.requireNonNull(schemaJson, "schemaJson == null");
      return this;
    }

    /**
     * Sets the permission that applies when the policy has no rule for the tool. Defaults to {@link
     * ToolPermission#ALLOW}: the application wrote this tool itself. Set {@link ToolPermission#ASK}
     * for tools with side effects the user should confirm.
     */
    public Builder permission(ToolPermission permission) {
      this.permission = Objects.requireNonNull(permission, "permission == null");
      return this;
    }

    /** Sets the code that runs a call. Required. */
    public Builder handler(ToolHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler == null");
      return this;
    }

    /**
     * Returns the tool.
     *
     * @throws IllegalStateException when the description or the handler is missing
     * @throws IllegalArgumentException when the schema is not a valid object schema
     */
    public Tool build() {
      if (description == null || description.isBlank()) {
        throw new IllegalStateException("tool '" + name + "' needs a description");
      }
      if (handler == null) {
        throw new IllegalStateException("tool '" + name + "' needs a handler");
      }
      return new LambdaTool(new ToolSpec(name, description, parameters), permission, handler);
    }
  }
}
