package dev.codexcontinue.core.tool.internal;

import java.util.Objects;

/**
 * A glob where {@code *} matches any run of characters (spaces and slashes included) and every
 * other character matches itself. Matching is linear-time backtracking over the last star, so a
 * hostile text cannot make it explode the way a regular expression can.
 */
public final class Glob {
  private final String pattern;

  private Glob(String pattern) {
    this.pattern = pattern;
  }

  /** Returns a glob for {@code pattern}. */
  public static Glob of(String pattern) {
    return new Glob(Objects.requireNonNull(pattern, "pattern == null"));
  }

  /** Returns whether the glob is made of stars only, so that it matches every text. */
  public boolean matchesEverything() {
    return !pattern.isEmpty() && pattern.chars().allMatch(c -> c == '*');
  }

  /** Returns whether {@code text} matches the whole glob. */
  public boolean matches(String text) {
    int p = 0;
    int t = 0;
    int starP = -1;
    int starT = -1;
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        starP = p++;
        starT = t;
      } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
        p++;
        t++;
      } else if (starP >= 0) {
        // Let the last star swallow one more character and retry from there.
        p = starP + 1;
        t = ++starT;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
