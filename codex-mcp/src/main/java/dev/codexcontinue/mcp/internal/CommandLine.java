package dev.codexcontinue.mcp.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a configured command line into argv the way a user expects from a config file: words
 * separated by blanks, double quotes group a word, a backslash escapes the next character. No shell
 * runs, so nothing else is special.
 */
public final class CommandLine {
  private CommandLine() {}

  /** Returns the words of {@code line}; throws {@link IllegalArgumentException} when unbalanced. */
  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (c == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unbalanced double quote in command line");
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("command line is empty");
    }
    return words;
  }

  /** Returns the non-blank, comma-separated names of {@code list}. */
  public static List<String> names(String list) {
    List<String> out = new ArrayList<>();
    for (String n : list.split(",")) {
      if (!n.isBlank()) {
        out.add(n.strip());
      }
    }
    return out;
  }
}
