package dev.codexcontinue.core.completion.internal;

/**
 * Cuts a model's completion to what an editor should show at the cursor.
 *
 * <ol>
 *   <li>When code follows the cursor on its line, the completion ends at its first line end.
 *   <li>Otherwise it ends with the block the cursor is in: at a closing bracket that closes a
 *       block opened before the cursor (the bracket's line is dropped when the text after the
 *       cursor starts with that bracket, kept otherwise), or before a line indented less than the
 *       cursor's block (a line that ends with {@code :}, {@code {}, {@code (} or {@code [} opens a
 *       deeper block; a blank line takes the previous line's indentation).
 *   <li>A line that repeats the next non-blank line after the cursor, at bracket depth 0, ends the
 *       completion before it: models often run on into the code that follows.
 *   <li>When the completion's end repeats the start of the rest of the cursor's line, that end is
 *       dropped if it closes brackets the completion does not open, or (without brackets) if it is
 *       the whole rest of the line.
 *   <li>Trailing whitespace is removed; what is left may be empty.
 * </ol>
 */
public final class Trimming {
  private static final int TAB_WIDTH = 4;

  private Trimming() {}

  /** Returns the part of {@code completion} to insert between {@code prefix} and {@code suffix}. */
  public static String trim(String prefix, String suffix, Syntax syntax, String completion) {
    if (completion.isBlank()) {
      return "";
    }
    int lineEnd = suffix.indexOf('\n');
    String lineSuffix = stripCr(lineEnd < 0 ? suffix : suffix.substring(0, lineEnd));
    String text;
    if (!lineSuffix.isBlank()) {
      int newline = completion.indexOf('\n');
      text = newline < 0 ? completion : completion.substring(0, newline);
      text = dropLineSuffixOverlap(stripCr(text), lineSuffix, syntax);
    } else {
      text = stopAtBlockEnd(prefix, suffix, syntax, completion);
    }
    return text.stripTrailing();
  }

  private static String stopAtBlockEnd(
      String prefix, String suffix, Syntax syntax, String completion) {
    int minIndent = blockIndent(prefix);
    String nextLine = firstNonBlankLine(suffix);
    boolean nextLineIsClosers = nextLine.chars().allMatch(c -> ")]}".indexOf(c) >= 0);
    char suffixStart = nextLine.isEmpty() ? 0 : nextLine.charAt(0);
    boolean cursorLineBlank = currentLine(prefix).isBlank();
    BracketScanner scanner = new BracketScanner(syntax);
    int lineStart = 0;
    int lineNumber = 0;
    while (lineStart <= completion.length()) {
      int newline = completion.indexOf('\n', lineStart);
      int lineEndIndex = newline < 0 ? completion.length() : newline;
      String line = stripCr(completion.substring(lineStart, lineEndIndex));
      String stripped = line.strip();
      boolean continuesCursorLine = lineNumber == 0;
      if (!stripped.isEmpty() && scanner.depth() == 0) {
        boolean mayRepeat = !continuesCursorLine || cursorLineBlank;
        if (mayRepeat && !nextLineIsClosers && stripped.equals(nextLine)) {
          return completion.substring(0, lineStart);
        }
        if (!continuesCursorLine
            && indent(line) < minIndent
            && ")]}".indexOf(stripped.charAt(0)) < 0) {
          return completion.substring(0, lineStart);
        }
      }
      int closer = scanner.scanLine(line);
      if (closer >= 0) {
        boolean leadsLine = line.substring(0, closer).isBlank();
        boolean ownLine = !continuesCursorLine || cursorLineBlank;
        if (leadsLine && ownLine && line.charAt(closer) == suffixStart) {
          return completion.substring(0, lineStart);
        }
        return completion.substring(0, lineEndIndex);
      }
      if (newline < 0) {
        break;
      }
      lineStart = newline + 1;
      lineNumber++;
    }
    return completion;
  }

  /**
   * Drops the end of {@code text} that repeats the start of {@code lineSuffix}: when it holds
   * closing brackets, only if the text closes more than it opens; otherwise only if it is the whole
   * rest of the line.
   */
  private static String dropLineSuffixOverlap(String text, String lineSuffix, Syntax syntax) {
    String rest = lineSuffix.stripTrailing();
    for (int k = Math.min(rest.length(), text.length()); k > 0; k--) {
      if (!text.endsWith(rest.substring(0, k))) {
        continue;
      }
      String overlap = rest.substring(0, k);
      boolean closes = overlap.chars().anyMatch(c -> ")]}".indexOf(c) >= 0);
      if (closes ? BracketScanner.minDepth(syntax, text) < 0 : k == rest.length()) {
        return text.substring(0, text.length() - k);
      }
    }
    return text;
  }

  /**
   * Returns the least indentation a completion line may have and still be in the cursor's block.
   */
  private static int blockIndent(String prefix) {
    String line = currentLine(prefix);
    if (line.isEmpty()) {
      line = previousNonBlankLine(prefix);
      if (line.isEmpty()) {
        return 0;
      }
    } else if (line.isBlank()) {
      return indent(line);
    }
    String code = line.strip();
    boolean opens =
        code.endsWith(":")
            || code.endsWith("{")
            || code.endsWith("(")
            || code.endsWith("[")
            || code.endsWith("=>")
            || code.endsWith("->");
    return indent(line) + (opens ? 1 : 0);
  }

  private static String currentLine(String prefix) {
    return prefix.substring(prefix.lastIndexOf('\n') + 1);
  }

  private static String previousNonBlankLine(String prefix) {
    int end = prefix.lastIndexOf('\n');
    while (end > 0) {
      int start = prefix.lastIndexOf('\n', end - 1) + 1;
      String line = stripCr(prefix.substring(start, end));
      if (!line.isBlank()) {
        return line;
      }
      end = start - 1;
    }
    return "";
  }

  private static String firstNonBlankLine(String suffix) {
    int start = suffix.indexOf('\n');
    while (start >= 0 && start < suffix.length()) {
      int end = suffix.indexOf('\n', start + 1);
      String line = suffix.substring(start + 1, end < 0 ? suffix.length() : end).strip();
      if (!line.isEmpty()) {
        return line;
      }
      start = end;
    }
    return "";
  }

  static int indent(String line) {
    int columns = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        columns++;
      } else if (c == '\t') {
        columns += TAB_WIDTH - columns % TAB_WIDTH;
      } else {
        break;
      }
    }
    return columns;
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
