package dev.codexcontinue.core.tool;

import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolResult;
import java.time.Duration;
import java.util.Objects;

/**
 * What became of one tool call: the result to send back to the model (always present, already
 * sanitised and capped), how the call ended, and how long it took.
 *
 * @param call the call as the model made it; its id is the one the result must quote
 * @param result the tool result for the model; an error result for every outcome but {@link
 *     Outcome#EXECUTED}
 * @param outcome how the call ended
 * @param duration the time from receiving the call to its result, approval included
 */
public record ToolExecution(ToolCall call, ToolResult result, Outcome outcome, Duration duration) {
  /** Checks the components. */
  public ToolExecution {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(result, "result == null");
    Objects.requireNonNull(outcome, "outcome == null");
    Objects.requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration is negative: " + duration);
    }
  }

  /** How a tool call ended. */
  public enum Outcome {
    /** The tool ran and returned a result. */
    EXECUTED,
    /** The tool ran and threw, or returned an error result. */
    FAILED,
    /** The arguments were not valid JSON or did not match the schema; the tool did not run. */
    INVALID_ARGUMENTS,
    /** No tool of that name is registered, or the policy does not advertise it; it did not run. */
    NOT_AVAILABLE,
    /** The policy denies this call; the tool did not run. */
    DENIED_BY_POLICY,
    /** The approver denied the call, failed, or did not answer in time; the tool did not run. */
    DENIED_BY_USER,
    /** The tool ran longer than its timeout and was interrupted. */
    TIMED_OUT,
    /**
     * The caller cancelled the run ({@code ToolContext.isCancelled()}); the tool may or may not
     * have started.
     */
    CANCELLED
  }
}
