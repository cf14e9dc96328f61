package dev.codexcontinue.core.tool.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The string keywords: {@code minLength}, {@code maxLength} (in code points) and {@code pattern}.
 */
final class StringChecks {
  /** How many characters a regular expression may read while matching one string. */
  private static final long MAX_REGEX_READS = 10_000_000L;

  /** The outcome of matching a pattern under a read budget. */
  enum Match {
    MATCH,
    NO_MATCH,
    TOO_EXPENSIVE
  }

  private StringChecks() {}

  static void check(
      JsonNode schema, String text, String pointer, Map<String, Pattern> patterns, Violations out) {
    JsonNode min = schema.get("minLength");
    JsonNode max = schema.get("maxLength");
    if (min != null || max != null) {
      int length = text.codePointCount(0, text.length());
      if (min != null && length < min.intValue()) {
        out.add(pointer, "must be at least " + min.intValue() + " characters, was " + length);
      }
      if (max != null && length > max.intValue()) {
        out.add(pointer, "must be at most " + max.intValue() + " characters, was " + length);
      }
    }
    JsonNode pattern = schema.get("pattern");
    if (pattern != null) {
      String regex = pattern.textValue();
      Match match = find(Objects.requireNonNull(patterns.get(regex)), text);
      if (match == Match.NO_MATCH) {
        out.add(pointer, "must match the pattern '" + SchemaValidator.clip(regex, 200) + "'");
      } else if (match == Match.TOO_EXPENSIVE) {
        out.add(pointer, "is too expensive to match against the pattern; send a shorter value");
      }
    }
  }

  /**
   * Searches {@code text} for {@code pattern} (JSON Schema patterns are not anchored). A pattern
   * that backtracks catastrophically, or recurses too deep on a long text, gives up instead of
   * hanging the caller or blowing its stack.
   */
  @SuppressWarnings("AvoidCatchingThrowable")
  static Match find(Pattern pattern, String text) {
    try {
      return pattern.matcher(new BudgetedChars(text)).find() ? Match.MATCH : Match.NO_MATCH;
    } catch (BudgetExceededException e) {
      return Match.TOO_EXPENSIVE;
    } catch (StackOverflowError e) {
      // java.util.regex recurses per repetition of a group; the stack unwinds cleanly here.
      return Match.TOO_EXPENSIVE;
    }
  }

  /** A view of a string that stops a regular expression after a fixed number of reads. */
  private static final class BudgetedChars implements CharSequence {
    private final String text;
    private final int[] reads;

    BudgetedChars(String text) {
      this(text, new int[1]);
    }

    private BudgetedChars(String text, int[] reads) {
      this.text = text;
      this.reads = reads;
    }

    @Override
    public char charAt(int index) {
      if (++reads[0] > MAX_REGEX_READS) {
        throw new BudgetExceededException();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new BudgetedChars(text.substring(start, end), reads);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static final class BudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceededException() {
      super(null, null, false, false);
    }
  }
}
