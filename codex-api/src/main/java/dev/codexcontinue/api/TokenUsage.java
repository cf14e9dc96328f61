package dev.codexcontinue.api;

/**
 * Tokens a call consumed.
 *
 * @param inputTokens tokens of the prompt
 * @param outputTokens tokens of the answer, reasoning included
 */
public record TokenUsage(int inputTokens, int outputTokens) {
  /** No tokens. */
  public static final TokenUsage ZERO = new TokenUsage(0, 0);

  /** Checks the counts. */
  public TokenUsage {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("negative tokens");
    }
  }

  /** Returns input plus output tokens. */
  public long totalTokens() {
    return (long) inputTokens + outputTokens;
  }

  /** Returns the sum of this usage and {@code other}, saturating at {@code Integer.MAX_VALUE}. */
  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        saturate((long) inputTokens + other.inputTokens),
        saturate((long) outputTokens + other.outputTokens));
  }

  private static int saturate(long n) {
    return (int) Math.min(Integer.MAX_VALUE, n);
  }
}
