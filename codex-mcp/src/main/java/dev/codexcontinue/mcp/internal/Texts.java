package dev.codexcontinue.mcp.internal;

/** Small text helpers. */
public final class Texts {
  private Texts() {}

  /** Returns {@code text} cut to {@code max} characters, with a marker when cut. */
  public static String cap(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, max) + "… [" + (text.length() - max) + " characters omitted]";
  }
}
