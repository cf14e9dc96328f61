package dev.codexcontinue.api;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A piece of related code sent with a completion request: a declaration the cursor uses, a snippet
 * from a recently changed or opened file. Immutable.
 */
public final class CodeSnippet {
  /** Where a snippet comes from. */
  public enum Kind {
    /** A declaration of a symbol used near the cursor. */
    DECLARATION,
    /** A snippet from a file changed recently. */
    CHANGED_FILE,
    /** A snippet from a file opened recently. */
    RECENT_FILE,
    /** Any other related code. */
    OTHER
  }

  private final Kind kind;
  private final String filePath;
  private final String text;
  private final double score;

  private CodeSnippet(Kind kind, String filePath, String text, double score) {
    this.kind = kind;
    this.filePath = filePath;
    this.text = text;
    this.score = score;
  }

  /** Returns a snippet without a relevance score. */
  public static CodeSnippet of(Kind kind, String filePath, String text) {
    return new CodeSnippet(
        Objects.requireNonNull(kind, "kind == null"),
        Objects.requireNonNull(filePath, "filePath == null"),
        Objects.requireNonNull(text, "text == null"),
        Double.NaN);
  }

  /** Returns a copy with a relevance score. */
  public CodeSnippet withScore(double score) {
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score is NaN");
    }
    return new CodeSnippet(kind, filePath, text, score);
  }

  /** Returns where the snippet comes from. */
  public Kind kind() {
    return kind;
  }

  /** Returns the path of its file, relative to the project when known. */
  public String filePath() {
    return filePath;
  }

  /** Returns the code. */
  public String text() {
    return text;
  }

  /** Returns the relevance score, when one was given. */
  public OptionalDouble score() {
    return Double.isNaN(score) ? OptionalDouble.empty() : OptionalDouble.of(score);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CodeSnippet s
        && kind == s.kind
        && filePath.equals(s.filePath)
        && text.equals(s.text)
        && Double.compare(score, s.score) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, filePath, text, score);
  }

  @Override
  public String toString() {
    return "CodeSnippet[" + kind + ", " + filePath + ", " + text.length() + " chars]";
  }
}
