package dev.codexcontinue.plugins.docs.internal;

/**
 * A line of text that a regular expression may read only so many times: every {@link #charAt}
 * counts one step, and past the budget it throws {@link StepLimitExceeded}. This bounds a pattern
 * with catastrophic backtracking ({@code (a+)+$} on {@code aaaa...b}), which {@code
 * java.util.regex} would otherwise run for hours.
 */
public final class BoundedText implements CharSequence {
  private final String text;
  private final int start;
  private final int end;
  private final long[] steps;
  private final long budget;

  private BoundedText(String text, int start, int end, long[] steps, long budget) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.steps = steps;
    this.budget = budget;
  }

  /** Returns {@code text} with a budget of {@code budget} character reads. */
  public static BoundedText of(String text, long budget) {
    return new BoundedText(text, 0, text.length(), new long[1], budget);
  }

  @Override
  public char charAt(int index) {
    if (++steps[0] > budget) {
      throw new StepLimitExceeded();
    }
    return text.charAt(start + index);
  }

  @Override
  public int length() {
    return end - start;
  }

  @Override
  public CharSequence subSequence(int from, int to) {
    if (from < 0 || to > length() || from > to) {
      throw new IndexOutOfBoundsException("subSequence(" + from + ", " + to + ")");
    }
    return new BoundedText(text, start + from, start + to, steps, budget);
  }

  @Override
  public String toString() {
    return text.substring(start, end);
  }

  /** The pattern took more steps than its budget on this text. */
  public static final class StepLimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepLimitExceeded() {
      super("regular expression step budget exhausted", null, false, false);
    }
  }
}
