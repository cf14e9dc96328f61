package dev.codexcontinue.core.completion.internal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** Finds identifiers in code, cheaply and for any language: runs of letters, digits, _ and $. */
public final class Identifiers {
  /** Identifiers shorter than this carry too little meaning to match on. */
  static final int MIN_LENGTH = 2;

  private Identifiers() {}

  /** Returns the distinct identifiers in {@code text[from, to)}. */
  public static Set<String> in(String text, int from, int to) {
    Set<String> out = new HashSet<>();
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (Character.isJavaIdentifierStart(c)) {
        int start = i++;
        while (i < to && Character.isJavaIdentifierPart(text.charAt(i))) {
          i++;
        }
        if (i - start >= MIN_LENGTH) {
          out.add(text.substring(start, i));
        }
      } else if (Character.isJavaIdentifierPart(c)) {
        // A number or the tail of a word cut by the window: skip the whole run.
        i++;
        while (i < to && Character.isJavaIdentifierPart(text.charAt(i))) {
          i++;
        }
      } else {
        i++;
      }
    }
    return out;
  }

  /**
   * Returns the distinct identifiers in {@code text[from, to)}, the ones nearest {@code to} first,
   * at most {@code max}.
   */
  public static Set<String> nearestFirst(String text, int from, int to, int max) {
    Set<String> out = new LinkedHashSet<>();
    int i = to;
    while (i > from && out.size() < max) {
      char c = text.charAt(i - 1);
      if (!Character.isJavaIdentifierPart(c)) {
        i--;
        continue;
      }
      int end = i;
      while (i > from && Character.isJavaIdentifierPart(text.charAt(i - 1))) {
        i--;
      }
      if (end - i >= MIN_LENGTH && Character.isJavaIdentifierStart(text.charAt(i))) {
        out.add(text.substring(i, end));
      }
    }
    return out;
  }
}
