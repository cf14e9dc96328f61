package dev.codexcontinue.api;

import dev.codexcontinue.api.internal.Checks;

/**
 * Why the model stopped. Unknown wire values are kept as they came (see {@link #isKnown()}), so a
 * new server value never breaks parsing.
 */
public final class FinishReason {
  /** The model finished its answer or hit a stop sequence. */
  public static final FinishReason STOP = new FinishReason("stop");

  /** The answer hit the output token limit and is cut short. */
  public static final FinishReason LENGTH = new FinishReason("length");

  /** The model asked for tool calls. */
  public static final FinishReason TOOL_CALLS = new FinishReason("tool_calls");

  /** The provider's content filter withheld or cut the answer. */
  public static final FinishReason CONTENT_FILTER = new FinishReason("content_filter");

  private final String value;

  private FinishReason(String value) {
    this.value = value;
  }

  /**
   * Returns the finish reason for a wire value. Synonyms used by other servers map to the known
   * constants: {@code function_call} and {@code tool_use} to {@link #TOOL_CALLS}, {@code end_turn},
   * {@code eos} and {@code stop_sequence} to {@link #STOP}, {@code max_tokens} to {@link #LENGTH}.
   */
  public static FinishReason of(String value) {
    String v = Checks.wireValue(value, "finishReason");
    return switch (v) {
      case "stop", "end_turn", "eos", "stop_sequence" -> STOP;
      case "length", "max_tokens" -> LENGTH;
      case "tool_calls", "function_call", "tool_use" -> TOOL_CALLS;
      case "content_filter" -> CONTENT_FILTER;
      default -> new FinishReason(v);
    };
  }

  /** Returns the wire value. */
  public String value() {
    return value;
  }

  /** Returns whether this is one of the constants above. */
  public boolean isKnown() {
    return equals(STOP) || equals(LENGTH) || equals(TOOL_CALLS) || equals(CONTENT_FILTER);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FinishReason f && f.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
