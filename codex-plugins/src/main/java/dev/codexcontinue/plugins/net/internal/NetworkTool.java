package dev.codexcontinue.plugins.net.internal;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.http.Redactor;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame of every tool in this module that speaks HTTP: arguments parsed once, every failure
 * turned into an error result for the model (never an exception), and every text the model or an
 * approver sees passed through the redactor, so a token echoed by a server or stored in a file
 * never leaves as it is.
 */
public abstract class NetworkTool implements Tool {
  private static final Logger log = LoggerFactory.getLogger(NetworkTool.class);

  private final ToolSpec spec;
  private final ToolPermission permission;
  private final Redactor redactor;

  /** Creates the tool with its spec, the permission it asks for and the redactor of its output. */
  protected NetworkTool(ToolSpec spec, ToolPermission permission, Redactor redactor) {
    this.spec = Objects.requireNonNull(spec, "spec == null");
    this.permission = Objects.requireNonNull(permission, "permission == null");
    this.redactor = Objects.requireNonNull(redactor, "redactor == null");
  }

  /** Runs the call; throws {@link IllegalArgumentException} for bad arguments. */
  protected abstract ToolResult run(ToolArgs args, ToolContext context);

  /** Returns the method and URL (and body summary) of the call, for approvers and policies. */
  protected abstract String describe(ToolArgs args);

  @Override
  public final ToolSpec spec() {
    return spec;
  }

  @Override
  public final ToolPermission defaultPermission() {
    return permission;
  }

  @Override
  public final ToolResult execute(ToolCall call, ToolContext context) {
    ToolResult result;
    try {
      result = run(ToolArgs.parse(call.arguments()), context);
    } catch (IllegalArgumentException e) {
      result = ToolResult.error("invalid arguments: " + e.getMessage());
    } catch (RequestBlockedException e) {
      result = ToolResult.error("request refused by the SSRF guard: " + e.getMessage());
    } catch (CodexException e) {
      result = ToolResult.error(String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      result = ToolResult.error(spec.name() + " failed: " + e);
    }
    log.debug("tool {} call {} error={}", spec.name(), call.id(), result.isError());
    return new ToolResult(redactor.redact(result.content()), result.isError());
  }

  @Override
  public final String describeCall(ToolCall call) {
    try {
      return redactor.redact(describe(ToolArgs.parse(call.arguments())));
    } catch (RuntimeException e) {
      return spec.name() + " (invalid arguments)";
    }
  }

  /** Returns the redactor of this tool's output. */
  protected final Redactor redactor() {
    return redactor;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + spec.name() + "]";
  }
}
