package dev.codexcontinue.core.completion.internal;

/**
 * Follows bracket depth through code, character by character, skipping brackets inside comments and
 * strings as {@link Syntax} describes them. The depth starts at 0 at the cursor: a closing bracket
 * that takes it below 0 closes a block opened before the cursor. Not thread-safe.
 */
final class BracketScanner {
  private final Syntax syntax;
  private int depth;
  private int minDepth;
  private char quote;
  private String quoteEnd = "";
  private boolean inBlockComment;

  BracketScanner(Syntax syntax) {
    this.syntax = syntax;
  }

  int depth() {
    return depth;
  }

  /** Returns the lowest depth seen so far. */
  int minDepth() {
    return minDepth;
  }

  /**
   * Scans {@code line} (without its line end) and returns the offset of the first closing bracket
   * that takes the depth below 0, or -1. Scanning stops at that bracket.
   */
  int scanLine(String line) {
    int i = 0;
    int n = line.length();
    while (i < n) {
      if (inBlockComment) {
        int end = line.indexOf(syntax.blockEnd(), i);
        if (end < 0) {
          return -1;
        }
        inBlockComment = false;
        i = end + syntax.blockEnd().length();
        continue;
      }
      if (!quoteEnd.isEmpty()) {
        int end = closingQuote(line, i);
        if (end < 0) {
          if (quoteEnd.length() == 1 && syntax.multiLineQuotes().indexOf(quote) < 0) {
            quoteEnd = "";
          }
          return -1;
        }
        quoteEnd = "";
        i = end;
        continue;
      }
      if (startsComment(line, i)) {
        return -1;
      }
      if (!syntax.blockStart().isEmpty() && line.startsWith(syntax.blockStart(), i)) {
        inBlockComment = true;
        i += syntax.blockStart().length();
        continue;
      }
      char c = line.charAt(i);
      if (syntax.quotes().indexOf(c) >= 0 || syntax.multiLineQuotes().indexOf(c) >= 0) {
        quote = c;
        boolean triple = syntax.tripleQuotes() && line.startsWith("" + c + c + c, i);
        quoteEnd = triple ? "" + c + c + c : String.valueOf(c);
        i += quoteEnd.length();
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        minDepth = Math.min(minDepth, depth);
        if (depth < 0) {
          return i;
        }
      }
      i++;
    }
    return -1;
  }

  private boolean startsComment(String line, int i) {
    for (String marker : syntax.lineComments()) {
      if (line.startsWith(marker, i)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the offset just past the quote that closes the open string, or -1. */
  private int closingQuote(String line, int from) {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (line.startsWith(quoteEnd, i)) {
        return i + quoteEnd.length();
      }
    }
    return -1;
  }

  /** Returns the lowest depth {@code text} reaches, scanned from depth 0. */
  static int minDepth(Syntax syntax, String text) {
    BracketScanner scanner = new BracketScanner(syntax);
    for (String line : text.split("\n", -1)) {
      while (true) {
        int at = scanner.scanLine(line);
        if (at < 0) {
          break;
        }
        // Keep scanning after a closer that went below zero: the lowest point is wanted.
        line = line.substring(at + 1);
      }
    }
    return scanner.minDepth;
  }
}
