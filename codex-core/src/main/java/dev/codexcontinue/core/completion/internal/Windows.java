package dev.codexcontinue.core.completion.internal;

/**
 * Cuts the text before and after a cursor into windows bounded by lines and by characters. Whole
 * lines are kept where the character budget allows; only a single line longer than the budget is
 * cut inside, and never between the two halves of a surrogate pair. Cost: proportional to the
 * window, not to the document.
 */
public final class Windows {
  private Windows() {}

  /**
   * Returns the start offset of the prefix window: at most {@code maxLines} lines (the cursor's
   * line counts as one) and at most {@code maxChars} characters before {@code cursor}.
   */
  public static int prefixStart(String text, int cursor, int maxLines, int maxChars) {
    int limit = Math.max(0, cursor - maxChars);
    int start = cursor;
    int lines = 0;
    int from = cursor;
    while (lines < maxLines) {
      int newline = from == 0 ? -1 : text.lastIndexOf('\n', from - 1);
      int lineStart = newline + 1;
      if (lineStart < limit) {
        if (lines == 0) {
          start = limit;
        }
        break;
      }
      start = lineStart;
      lines++;
      if (newline < 0) {
        break;
      }
      from = newline;
    }
    if (start > 0 && start < text.length() && Character.isLowSurrogate(text.charAt(start))) {
      start++;
    }
    return start;
  }

  /**
   * Returns the end offset (exclusive) of the suffix window: at most {@code maxLines} lines (the
   * rest of the cursor's line counts as one, line ends included) and at most {@code maxChars}
   * characters after {@code cursor}.
   */
  public static int suffixEnd(String text, int cursor, int maxLines, int maxChars) {
    int limit = (int) Math.min(text.length(), (long) cursor + maxChars);
    int end = cursor;
    int lines = 0;
    while (lines < maxLines && end < text.length()) {
      int newline = text.indexOf('\n', end);
      int lineEnd = newline < 0 ? text.length() : newline + 1;
      if (lineEnd > limit) {
        if (lines == 0) {
          end = limit;
        }
        break;
      }
      end = lineEnd;
      lines++;
    }
    if (end > cursor && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
