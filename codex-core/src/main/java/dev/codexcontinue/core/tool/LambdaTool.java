package dev.codexcontinue.core.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.exception.ToolException;
import dev.codexcontinue.core.internal.Json;
import dev.codexcontinue.core.tool.internal.ArgumentReader;
import dev.codexcontinue.core.tool.internal.SchemaValidator;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A tool made of a spec and a {@link ToolHandler}. It validates its arguments itself too, so it is
 * safe to call directly, outside a {@link ToolExecutor}.
 */
final class LambdaTool implements Tool {
  private final ToolSpec spec;
  private final SchemaValidator validator;
  private final ToolPermission permission;
  private final ToolHandler handler;

  LambdaTool(ToolSpec spec, ToolPermission permission, ToolHandler handler) {
    this.spec = spec;
    try {
      this.validator = SchemaValidator.compile(spec.parametersSchema());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tool '" + spec.name() + "': " + e.getMessage(), e);
    }
    this.permission = permission;
    this.handler = handler;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public ToolPermission defaultPermission() {
    return permission;
  }

  @Override
  public ToolResult execute(ToolCall call, ToolContext context) {
    ObjectNode arguments = ArgumentReader.read(spec.name(), call.arguments(), validator);
    Object value;
    try {
      value = handler.handle(ToolArguments.of(spec.name(), arguments), context);
    } catch (RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException(spec.name(), "interrupted", e);
    } catch (Exception e) {
      throw new ToolException(spec.name(), summary(e), e);
    }
    return toResult(value);
  }

  /** Turns what a handler returned into a result; see {@link ToolHandler}. */
  static ToolResult toResult(@Nullable Object value) {
    if (value == null) {
      return ToolResult.of("null");
    }
    if (value instanceof ToolResult result) {
      return result;
    }
    if (value instanceof CharSequence text) {
      return ToolResult.of(text.toString());
    }
    if (value instanceof Optional<?> optional) {
      return toResult(optional.orElse(null));
    }
    return ToolResult.of(Json.write(value));
  }

  /** Returns the exception's type and message, without a stack trace. */
  static String summary(Throwable e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }

  @Override
  public String toString() {
    return "Tool[" + spec.name() + "]";
  }
}
