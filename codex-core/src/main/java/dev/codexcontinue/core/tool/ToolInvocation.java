package dev.codexcontinue.core.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.core.internal.Json;
import dev.codexcontinue.core.tool.internal.JsonTrees;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * One tool call after its arguments were parsed and validated: an immutable snapshot that the
 * policy judges, the approver is shown and the tool then runs. The arguments are held as canonical
 * JSON text (compact, re-serialised from the validated tree), so what was approved is byte for byte
 * what the tool receives; nothing the model or the caller does afterwards can change it
 * (time-of-check equals time-of-use).
 *
 * <p>Instances are created by {@link ToolExecutor}; immutable and thread-safe.
 */
public final class ToolInvocation {
  private final String toolName;
  private final String callId;
  private final String arguments;
  private final Map<String, Object> argumentsTree;
  private final String description;
  @Nullable private final String userId;
  @Nullable private final String sessionId;

  private ToolInvocation(
      String toolName,
      String callId,
      String arguments,
      Map<String, Object> argumentsTree,
      String description,
      @Nullable String userId,
      @Nullable String sessionId) {
    this.toolName = toolName;
    this.callId = callId;
    this.arguments = arguments;
    this.argumentsTree = argumentsTree;
    this.description = description;
    this.userId = userId;
    this.sessionId = sessionId;
  }

  /**
   * Snapshots a validated call. The tool's description of the call is computed from the canonical
   * arguments, so policy patterns and the approver see the same call that runs.
   */
  @SuppressWarnings("unchecked")
  static ToolInvocation snapshot(
      Tool tool, ToolCall call, ObjectNode validated, ToolContext context) {
    String canonical = Json.write(validated);
    Map<String, Object> tree =
        (Map<String, Object>) Objects.requireNonNull(JsonTrees.immutableView(validated));
    ToolCall canonicalCall = new ToolCall(call.id(), call.name(), canonical);
    String description = Objects.requireNonNull(tool.describeCall(canonicalCall), "describeCall");
    return new ToolInvocation(
        call.name(),
        call.id(),
        canonical,
        tree,
        description,
        context.userId().orElse(null),
        context.sessionId().orElse(null));
  }

  /** Returns the name of the tool to run. */
  public String toolName() {
    return toolName;
  }

  /** Returns the id of the model's call, which the tool result quotes. */
  public String callId() {
    return callId;
  }

  /** Returns the validated arguments as canonical, compact JSON text. */
  public String arguments() {
    return arguments;
  }

  /**
   * Returns the validated arguments as a deep-immutable tree: insertion-ordered maps, lists,
   * strings, numbers, booleans, and {@code null} values for JSON nulls.
   */
  public Map<String, Object> argumentsTree() {
    return argumentsTree;
  }

  /**
   * Returns the tool's own description of this call ({@code Tool.describeCall}): the command line
   * of a shell call, the method and URL of an HTTP call. Policy patterns match this text.
   */
  public String description() {
    return description;
  }

  /** Returns the id of the user on whose behalf the call runs, when known. */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /** Returns the session the call belongs to, when known. */
  public Optional<String> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  /** Returns the call that runs: the model's call id and tool name with the canonical arguments. */
  public ToolCall toCall() {
    return new ToolCall(callId, toolName, arguments);
  }

  /** Returns a short form without the arguments, which may be sensitive. */
  @Override
  public String toString() {
    return "ToolInvocation[tool=" + toolName + ", callId=" + callId + "]";
  }
}
