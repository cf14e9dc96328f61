package dev.codexcontinue.core.tool.internal;

import java.util.Objects;

/**
 * Makes text safe to hand to a model or a log: removes ANSI escape sequences and C0/C1 control
 * characters (keeping {@code \n} and {@code \t}), then caps the length with a visible marker. Tool
 * output is untrusted data; a terminal escape or a carriage return that hides text from a human
 * reviewer must not reach the model.
 */
public final class ModelText {
  /** Below this cap there is no room for the marker, and the text is cut with an ellipsis. */
  private static final int MIN_CAP_FOR_MARKER = 128;

  /** Room kept for the truncation marker. */
  private static final int MARKER_RESERVE = 64;

  /** Longest OSC/DCS string that is swallowed while looking for its terminator. */
  private static final int MAX_STRING_SEQUENCE = 4096;

  private static final char ESC = 0x1b;
  private static final char BEL = 0x07;
  private static final char CSI_8BIT = 0x9b;
  private static final char OSC_8BIT = 0x9d;
  private static final char ST_8BIT = 0x9c;

  private ModelText() {}

  /**
   * Returns {@code text} without escape sequences and control characters, at most {@code maxChars}
   * long; longer text keeps its start and ends with {@code [output truncated: N characters
   * omitted]}.
   */
  public static String sanitize(String text, int maxChars) {
    Objects.requireNonNull(text, "text == null");
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be > 0, was " + maxChars);
    }
    boolean marker = maxChars >= MIN_CAP_FOR_MARKER;
    int cut = marker ? maxChars - MARKER_RESERVE : maxChars - 1;
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars + 1));
    int rawAtCut = -1;
    int i = 0;
    while (i < text.length() && out.length() <= maxChars) {
      if (rawAtCut < 0 && out.length() >= cut) {
        rawAtCut = i;
      }
      char c = text.charAt(i);
      if (c == ESC) {
        i = skipEscape(text, i + 1);
      } else if (c == CSI_8BIT) {
        i = skipCsi(text, i + 1);
      } else if (c == OSC_8BIT) {
        i = skipString(text, i + 1, i + 1);
      } else {
        if (!isControl(c)) {
          out.append(c);
        }
        i++;
      }
    }
    if (out.length() <= maxChars) {
      return out.toString();
    }
    int keep = cut;
    if (keep > 0 && Character.isHighSurrogate(out.charAt(keep - 1))) {
      keep--;
    }
    out.setLength(keep);
    if (!marker) {
      return out.append('\u2026').toString();
    }
    int omitted = text.length() - rawAtCut;
    return out.append("\n[output truncated: ")
        .append(omitted)
        .append(" characters omitted]")
        .toString();
  }

  /** Returns whether {@code c} is a C0 or C1 control (or DEL) other than newline and tab. */
  static boolean isControl(char c) {
    if (c == '\n' || c == '\t') {
      return false;
    }
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
  }

  /** Skips the sequence after an ESC at {@code i - 1}; returns the index after it. */
  private static int skipEscape(String text, int i) {
    if (i >= text.length()) {
      return i;
    }
    char c = text.charAt(i);
    if (c == '[') {
      return skipCsi(text, i + 1);
    }
    if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
      return skipString(text, i + 1, i + 1);
    }
    int j = i;
    // nF escapes: intermediates 0x20-0x2F, then one final byte 0x30-0x7E (ESC ( B).
    while (j < text.length() && text.charAt(j) >= 0x20 && text.charAt(j) <= 0x2f) {
      j++;
    }
    if (j < text.length() && text.charAt(j) >= 0x30 && text.charAt(j) <= 0x7e) {
      return j + 1;
    }
    return j;
  }

  /** Skips CSI parameters, intermediates and the final byte; returns the index after them. */
  private static int skipCsi(String text, int i) {
    int j = i;
    while (j < text.length() && text.charAt(j) >= 0x30 && text.charAt(j) <= 0x3f) {
      j++;
    }
    while (j < text.length() && text.charAt(j) >= 0x20 && text.charAt(j) <= 0x2f) {
      j++;
    }
    if (j < text.length() && text.charAt(j) >= 0x40 && text.charAt(j) <= 0x7e) {
      return j + 1;
    }
    return j;
  }

  /**
   * Skips an OSC/DCS-style string up to BEL or ST. Without a terminator in reach, only the
   * introducer is dropped, so a stray ESC ] cannot hide the rest of the output.
   */
  private static int skipString(String text, int i, int fallback) {
    int limit = Math.min(text.length(), i + MAX_STRING_SEQUENCE);
    for (int j = i; j < limit; j++) {
      char c = text.charAt(j);
      if (c == BEL || c == ST_8BIT) {
        return j + 1;
      }
      if (c == ESC && j + 1 < text.length() && text.charAt(j + 1) == '\\') {
        return j + 2;
      }
    }
    return fallback;
  }
}
