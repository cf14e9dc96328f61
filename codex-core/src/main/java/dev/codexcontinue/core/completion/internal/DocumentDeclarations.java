package dev.codexcontinue.core.completion.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declarations of a document being edited, kept up to date incrementally: each new version is
 * compared with the last one (common start and end), and only the lines around the change are
 * scanned again; the declarations after it just move. A keystroke then costs a comparison of the
 * two texts and a few lines of scanning, not a scan of the whole document. Thread-safe.
 */
final class DocumentDeclarations {
  /** Lines before a change rescanned too: a signature there may continue into the change. */
  private static final int LINES_BEFORE_CHANGE = 5;

  private record Declaration(int lineStart, String name, String text) {}

  private String text = "";
  private List<Declaration> declarations = List.of();

  /**
   * Returns the first declaration of each name in {@code wanted} found on lines starting outside
   * {@code [from, to)} of {@code newText}, which becomes the current version.
   */
  synchronized Map<String, String> outside(String newText, int from, int to, Set<String> wanted) {
    update(newText);
    Map<String, String> found = new HashMap<>();
    for (Declaration d : declarations) {
      if ((d.lineStart() < from || d.lineStart() >= to) && wanted.contains(d.name())) {
        found.putIfAbsent(d.name(), d.text());
      }
    }
    return found;
  }

  private void update(String newText) {
    if (newText.equals(text)) {
      text = newText;
      return;
    }
    int oldLength = text.length();
    int newLength = newText.length();
    int common = Math.min(oldLength, newLength);
    int head = 0;
    while (head < common && text.charAt(head) == newText.charAt(head)) {
      head++;
    }
    int tail = 0;
    while (tail < common - head
        && text.charAt(oldLength - 1 - tail) == newText.charAt(newLength - 1 - tail)) {
      tail++;
    }
    int start = lineStartBefore(newText, head, LINES_BEFORE_CHANGE);
    int end = lineEndAfter(newText, newLength - tail);
    int delta = newLength - oldLength;
    int oldEnd = end - delta;
    List<Declaration> next = new ArrayList<>(declarations.size() + 4);
    int i = 0;
    while (i < declarations.size() && declarations.get(i).lineStart() < start) {
      next.add(declarations.get(i++));
    }
    Declarations.scan(
        newText, start, end, (name, t, line) -> next.add(new Declaration(line, name, t)));
    for (; i < declarations.size(); i++) {
      Declaration d = declarations.get(i);
      if (d.lineStart() >= oldEnd) {
        next.add(new Declaration(d.lineStart() + delta, d.name(), d.text()));
      }
    }
    text = newText;
    declarations = next;
  }

  /** Returns the start of the line {@code lines} lines above the one holding {@code offset}. */
  private static int lineStartBefore(String text, int offset, int lines) {
    int start = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    for (int n = 0; n < lines && start > 0; n++) {
      start = text.lastIndexOf('\n', start - 2) + 1;
    }
    return start;
  }

  /** Returns the offset just past the line end at or after {@code offset}. */
  private static int lineEndAfter(String text, int offset) {
    int newline = text.indexOf('\n', offset);
    return newline < 0 ? text.length() : newline + 1;
  }
}
