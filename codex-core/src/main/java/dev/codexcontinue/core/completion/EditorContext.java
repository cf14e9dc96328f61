package dev.codexcontinue.core.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The editor's state at one keystroke: the document's text, the cursor offset in it, the language
 * and path of the file, and the other files open in the editor (most relevant first). Immutable;
 * the text is held, never copied.
 *
 * <pre>{@code
 * EditorContext context = EditorContext.builder(documentText, caretOffset)
 *     .language("java").filePath("src/main/java/App.java")
 *     .addOpenFile(OpenFile.changed("src/main/java/Util.java", utilText))
 *     .build();
 * }</pre>
 */
public final class EditorContext {
  private final String text;
  private final int cursorOffset;
  @Nullable private final String language;
  @Nullable private final String filePath;
  @Nullable private final String gitUrl;
  @Nullable private final String clipboard;
  private final List<OpenFile> openFiles;

  private EditorContext(Builder b) {
    this.text = b.text;
    this.cursorOffset = b.cursorOffset;
    this.language = b.language;
    this.filePath = b.filePath;
    this.gitUrl = b.gitUrl;
    this.clipboard = b.clipboard;
    this.openFiles = List.copyOf(b.openFiles);
  }

  /**
   * Returns a builder for the document {@code text} with the cursor before character {@code
   * cursorOffset} (UTF-16 units, as editors and {@link String} count).
   *
   * @throws IllegalArgumentException when the offset is outside {@code [0, text.length()]}
   */
  public static Builder builder(String text, int cursorOffset) {
    return new Builder(text, cursorOffset);
  }

  /** Returns the document's text. */
  public String text() {
    return text;
  }

  /** Returns the cursor offset in {@link #text()}. */
  public int cursorOffset() {
    return cursorOffset;
  }

  /** Returns the language id, for example {@code java} or {@code python}. */
  public Optional<String> language() {
    return Optional.ofNullable(language);
  }

  /** Returns the path of the document, relative to the project when known. */
  public Optional<String> filePath() {
    return Optional.ofNullable(filePath);
  }

  /** Returns the remote URL of the document's git repository. */
  public Optional<String> gitUrl() {
    return Optional.ofNullable(gitUrl);
  }

  /** Returns the clipboard's text. */
  public Optional<String> clipboard() {
    return Optional.ofNullable(clipboard);
  }

  /** Returns the other open files, most relevant first. */
  public List<OpenFile> openFiles() {
    return openFiles;
  }

  /** Returns a builder pre-filled with this context. */
  public Builder toBuilder() {
    Builder b = new Builder(text, cursorOffset);
    b.language = language;
    b.filePath = filePath;
    b.gitUrl = gitUrl;
    b.clipboard = clipboard;
    b.openFiles.addAll(openFiles);
    return b;
  }

  /** Shows path, language, sizes and cursor, never the text. */
  @Override
  public String toString() {
    return "EditorContext[file="
        + filePath
        + ", language="
        + language
        + ", "
        + text.length()
        + " chars, cursor="
        + cursorOffset
        + ", openFiles="
        + openFiles.size()
        + "]";
  }

  /** Builds an {@link EditorContext}. Not thread-safe. */
  public static final class Builder {
    private final String text;
    private final int cursorOffset;
    @Nullable private String language;
    @Nullable private String filePath;
    @Nullable private String gitUrl;
    @Nullable private String clipboard;
    private final List<OpenFile> openFiles = new ArrayList<>();

    private Builder(String text, int cursorOffset) {
      this.text = Objects.requireNonNull(text, "text == null");
      if (cursorOffset < 0 || cursorOffset > text.length()) {
        throw new IllegalArgumentException(
            "cursorOffset " + cursorOffset + " outside [0, " + text.length() + "]");
      }
      this.cursorOffset = cursorOffset;
    }

    /** Sets the language id. */
    public Builder language(String language) {
      this.language = Objects.requireNonNull(language, "language == null");
      return this;
    }

    /** Sets the document's path. */
    public Builder filePath(String filePath) {
      this.filePath = Objects.requireNonNull(filePath, "filePath == null");
      return this;
    }

    /** Sets the remote URL of the git repository. */
    public Builder gitUrl(String gitUrl) {
      this.gitUrl = Objects.requireNonNull(gitUrl, "gitUrl == null");
      return this;
    }

    /** Sets the clipboard's text. */
    public Builder clipboard(String clipboard) {
      this.clipboard = Objects.requireNonNull(clipboard, "clipboard == null");
      return this;
    }

    /** Appends an open file; add the most relevant first. */
    public Builder addOpenFile(OpenFile file) {
      openFiles.add(Objects.requireNonNull(file, "file == null"));
      return this;
    }

    /** Replaces the open files. */
    public Builder openFiles(List<OpenFile> files) {
      Objects.requireNonNull(files, "files == null");
      openFiles.clear();
      files.forEach(this::addOpenFile);
      return this;
    }

    /** Returns the context. */
    public EditorContext build() {
      return new EditorContext(this);
    }
  }
}
