package dev.codexcontinue.api;

/**
 * Something the model can call: a spec that tells the model what it does and which arguments it
 * takes, and the code that runs it. The agent validates arguments against the spec's schema,
 * applies its policy and approval hook, and only then calls {@link #execute}.
 *
 * <p>Implementations are thread-safe: the agent may run several calls at once. They report failures
 * as error results (or throw; the agent turns exceptions into error results for the model).
 */
public interface Tool {
  /** Returns what the model is told about this tool. */
  ToolSpec spec();

  /**
   * Runs a call whose arguments have already been validated against {@link #spec()}'s schema.
   *
   * @param call the call, with arguments as JSON text
   * @param context who is calling, the deadline and the cancellation signal
   */
  ToolResult execute(ToolCall call, ToolContext context);

  /**
   * Returns the permission that applies when the agent's policy has no rule for this tool. Tools
   * that only read return {@link ToolPermission#ALLOW}; tools with side effects keep the default,
   * {@link ToolPermission#ASK}.
   */
  default ToolPermission defaultPermission() {
    return ToolPermission.ASK;
  }

  /**
   * Returns the permission that applies to this call when the agent's policy has no rule for it; by
   * default {@link #defaultPermission()}. Tools whose risk depends on the call refine it: a shell
   * tool allows the read-only commands of its allowlist and asks for every other one. A call for
   * which this method throws is denied.
   */
  default ToolPermission permissionFor(ToolCall call) {
    return defaultPermission();
  }

  /**
   * Returns the text that policy patterns such as {@code shell(rm *)} match and that an approver is
   * shown: for a shell tool the command line, for an HTTP tool the method and URL. By default, the
   * arguments' JSON text.
   */
  default String describeCall(ToolCall call) {
    return call.arguments();
  }
}
