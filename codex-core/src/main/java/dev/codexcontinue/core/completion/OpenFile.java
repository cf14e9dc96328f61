package dev.codexcontinue.core.completion;

import java.util.Objects;

/**
 * A file the editor has open besides the one being edited: a source of declarations and of related
 * snippets for completion requests. Immutable.
 */
public final class OpenFile {
  /** Why the file is relevant. */
  public enum Kind {
    /** The file was opened or viewed recently. */
    RECENTLY_OPENED,
    /** The file was edited recently. */
    RECENTLY_CHANGED
  }

  private final String path;
  private final String text;
  private final Kind kind;

  private OpenFile(String path, String text, Kind kind) {
    this.path = Objects.requireNonNull(path, "path == null");
    this.text = Objects.requireNonNull(text, "text == null");
    this.kind = Objects.requireNonNull(kind, "kind == null");
  }

  /** Returns a file opened recently; {@code path} is relative to the project when known. */
  public static OpenFile opened(String path, String text) {
    return new OpenFile(path, text, Kind.RECENTLY_OPENED);
  }

  /** Returns a file edited recently; {@code path} is relative to the project when known. */
  public static OpenFile changed(String path, String text) {
    return new OpenFile(path, text, Kind.RECENTLY_CHANGED);
  }

  /** Returns the file's path. */
  public String path() {
    return path;
  }

  /** Returns the file's text. */
  public String text() {
    return text;
  }

  /** Returns why the file is relevant. */
  public Kind kind() {
    return kind;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpenFile f && f.kind == kind && f.path.equals(path) && f.text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, text, kind);
  }

  /** Shows the path, kind and length, never the text. */
  @Override
  public String toString() {
    return "OpenFile[" + path + ", " + kind + ", " + text.length() + " chars]";
  }
}
