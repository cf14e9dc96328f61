package dev.codexcontinue.core.completion;

import dev.codexcontinue.api.CodeSnippet;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.core.completion.internal.FileIndexCache;
import dev.codexcontinue.core.completion.internal.Identifiers;
import dev.codexcontinue.core.completion.internal.Windows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns an {@link EditorContext} into a {@link CompletionRequest}: the text before and after the
 * cursor cut into windows by lines and characters; declarations of the identifiers near the cursor,
 * found in the rest of the document and in the open files; and from each open file the window of
 * lines most similar to the code before the cursor, as a snippet of a changed or a recently opened
 * file. Thread-safe; it remembers the indexes of the open files it has seen (a bounded cache), so
 * each file version is read once however many keystrokes resend it, and follows the declarations of
 * each edited document incrementally, rescanning only the lines around each change.
 *
 * <pre>{@code
 * CompletionContextBuilder contexts = CompletionContextBuilder.builder()
 *     .maxPrefixLines(80).maxSuffixLines(20)
 *     .requestCustomizer(r -> r.model("qwen2.5-coder:1.5b").maxOutputTokens(128))
 *     .build();
 * CompletionRequest request = contexts.build(editorContext);
 * }</pre>
 */
public final class CompletionContextBuilder {
  private static final int NEAR_CURSOR_LINES = 10;
  private static final int MAX_NEAR_IDENTIFIERS = 48;

  private final int maxPrefixLines;
  private final int maxPrefixChars;
  private final int maxSuffixLines;
  private final int maxSuffixChars;
  private final int maxDeclarations;
  private final int maxSnippets;
  private final double minSnippetScore;
  private final Consumer<CompletionRequest.Builder> customizer;
  private final FileIndexCache indexes;

  private CompletionContextBuilder(Builder b) {
    this.maxPrefixLines = b.maxPrefixLines;
    this.maxPrefixChars = b.maxPrefixChars;
    this.maxSuffixLines = b.maxSuffixLines;
    this.maxSuffixChars = b.maxSuffixChars;
    this.maxDeclarations = b.maxDeclarations;
    this.maxSnippets = b.maxSnippets;
    this.minSnippetScore = b.minSnippetScore;
    this.customizer = b.customizer;
    this.indexes = new FileIndexCache(b.indexCacheSize, b.snippetLines);
  }

  /** Returns a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a context builder with the defaults. */
  public static CompletionContextBuilder defaults() {
    return builder().build();
  }

  /**
   * Returns the completion request for {@code context}: windows, language, path, git URL,
   * clipboard, declarations (first) and related snippets (by descending score), then whatever the
   * request customizer sets.
   */
  public CompletionRequest build(EditorContext context) {
    Objects.requireNonNull(context, "context == null");
    String text = context.text();
    int cursor = context.cursorOffset();
    int prefixStart = Windows.prefixStart(text, cursor, maxPrefixLines, maxPrefixChars);
    int suffixEnd = Windows.suffixEnd(text, cursor, maxSuffixLines, maxSuffixChars);
    CompletionRequest.Builder request = windows(context, prefixStart, suffixEnd);
    context.gitUrl().ifPresent(request::gitUrl);
    context.clipboard().ifPresent(request::clipboard);
    int nearStart = Windows.prefixStart(text, cursor, NEAR_CURSOR_LINES, maxPrefixChars);
    nearStart = Math.max(nearStart, prefixStart);
    declarations(context, prefixStart, suffixEnd, nearStart).forEach(request::addSnippet);
    snippets(context, nearStart).forEach(request::addSnippet);
    customizer.accept(request);
    return request.build();
  }

  /**
   * Returns the request without related code: windows, language and path only. It is what
   * completion answers are cached by, and costs only the windows.
   */
  CompletionRequest windows(EditorContext context) {
    String text = context.text();
    int cursor = context.cursorOffset();
    return windows(
            context,
            Windows.prefixStart(text, cursor, maxPrefixLines, maxPrefixChars),
            Windows.suffixEnd(text, cursor, maxSuffixLines, maxSuffixChars))
        .build();
  }

  private static CompletionRequest.Builder windows(
      EditorContext context, int prefixStart, int suffixEnd) {
    String text = context.text();
    int cursor = context.cursorOffset();
    CompletionRequest.Builder request =
        CompletionRequest.builder(
            text.substring(prefixStart, cursor), text.substring(cursor, suffixEnd));
    context.language().ifPresent(request::language);
    context.filePath().ifPresent(request::filePath);
    return request;
  }

  private List<CodeSnippet> declarations(
      EditorContext context, int prefixStart, int suffixEnd, int nearStart) {
    if (maxDeclarations == 0) {
      return List.of();
    }
    String text = context.text();
    int cursor = context.cursorOffset();
    Set<String> wanted = Identifiers.nearestFirst(text, nearStart, cursor, MAX_NEAR_IDENTIFIERS);
    if (wanted.isEmpty()) {
      return List.of();
    }
    String ownPath = context.filePath().orElse("");
    // Declarations inside the windows are already in the request: look only outside them.
    Map<String, String> inDocument =
        indexes.documentDeclarations(ownPath, text, prefixStart, suffixEnd, wanted);
    Set<String> seen = new LinkedHashSet<>();
    List<CodeSnippet> out = new ArrayList<>();
    for (String name : wanted) {
      String found = inDocument.get(name);
      String path = ownPath;
      if (found == null) {
        for (OpenFile file : context.openFiles()) {
          if (file.path().equals(ownPath)) {
            continue;
          }
          found = indexes.get(file.path(), file.text()).declaration(name).orElse(null);
          if (found != null) {
            path = file.path();
            break;
          }
        }
      }
      if (found != null && seen.add(found)) {
        out.add(CodeSnippet.of(CodeSnippet.Kind.DECLARATION, path, found));
        if (out.size() == maxDeclarations) {
          break;
        }
      }
    }
    return out;
  }

  private List<CodeSnippet> snippets(EditorContext context, int nearStart) {
    if (maxSnippets == 0 || context.openFiles().isEmpty()) {
      return List.of();
    }
    Set<String> query = Identifiers.in(context.text(), nearStart, context.cursorOffset());
    if (query.isEmpty()) {
      return List.of();
    }
    String ownPath = context.filePath().orElse("");
    List<CodeSnippet> found = new ArrayList<>();
    for (OpenFile file : context.openFiles()) {
      if (file.path().equals(ownPath)) {
        continue;
      }
      CodeSnippet.Kind kind =
          file.kind() == OpenFile.Kind.RECENTLY_CHANGED
              ? CodeSnippet.Kind.CHANGED_FILE
              : CodeSnippet.Kind.RECENT_FILE;
      indexes
          .get(file.path(), file.text())
          .bestWindow(query, minSnippetScore)
          .ifPresent(
              m -> found.add(CodeSnippet.of(kind, file.path(), m.text()).withScore(m.score())));
    }
    found.sort(Comparator.comparingDouble((CodeSnippet s) -> s.score().orElse(0)).reversed());
    return found.size() <= maxSnippets ? found : List.copyOf(found.subList(0, maxSnippets));
  }

  @Override
  public String toString() {
    return "CompletionContextBuilder[prefix="
        + maxPrefixLines
        + " lines/"
        + maxPrefixChars
        + " chars, suffix="
        + maxSuffixLines
        + " lines/"
        + maxSuffixChars
        + " chars, declarations="
        + maxDeclarations
        + ", snippets="
        + maxSnippets
        + "]";
  }

  /** Builds a {@link CompletionContextBuilder}. Not thread-safe. */
  public static final class Builder {
    private int maxPrefixLines = 100;
    private int maxPrefixChars = 6000;
    private int maxSuffixLines = 30;
    private int maxSuffixChars = 2000;
    private int maxDeclarations = 5;
    private int maxSnippets = 3;
    private int snippetLines = 10;
    private double minSnippetScore = 0.15;
    private int indexCacheSize = 64;
    private Consumer<CompletionRequest.Builder> customizer = r -> {};

    private Builder() {}

    /** Sets the most lines before the cursor, its own line included; 100 by default. */
    public Builder maxPrefixLines(int lines) {
      this.maxPrefixLines = positive(lines, "maxPrefixLines");
      return this;
    }

    /** Sets the most characters before the cursor; 6000 by default. */
    public Builder maxPrefixChars(int chars) {
      this.maxPrefixChars = positive(chars, "maxPrefixChars");
      return this;
    }

    /** Sets the most lines after the cursor, the rest of its line included; 30 by default. */
    public Builder maxSuffixLines(int lines) {
      this.maxSuffixLines = positive(lines, "maxSuffixLines");
      return this;
    }

    /** Sets the most characters after the cursor; 2000 by default. */
    public Builder maxSuffixChars(int chars) {
      this.maxSuffixChars = positive(chars, "maxSuffixChars");
      return this;
    }

    /** Sets the most declarations sent; 5 by default, 0 sends none. */
    public Builder maxDeclarations(int max) {
      this.maxDeclarations = notNegative(max, "maxDeclarations");
      return this;
    }

    /** Sets the most snippets from open files sent; 3 by default, 0 sends none. */
    public Builder maxSnippets(int max) {
      this.maxSnippets = notNegative(max, "maxSnippets");
      return this;
    }

    /** Sets the lines in one snippet window; 10 by default. */
    public Builder snippetLines(int lines) {
      this.snippetLines = positive(lines, "snippetLines");
      return this;
    }

    /** Sets the least similarity (Jaccard, 0 to 1) a snippet needs; 0.15 by default. */
    public Builder minSnippetScore(double score) {
      if (!(score > 0 && score <= 1)) {
        throw new IllegalArgumentException("minSnippetScore must be in (0, 1], was " + score);
      }
      this.minSnippetScore = score;
      return this;
    }

    /** Sets how many open-file versions keep their index; 64 by default. */
    public Builder indexCacheSize(int size) {
      this.indexCacheSize = positive(size, "indexCacheSize");
      return this;
    }

    /**
     * Sets what is added to every request after the context (model, output tokens, temperature,
     * stop sequences, provider options). It runs on the thread that builds the request.
     */
    public Builder requestCustomizer(Consumer<CompletionRequest.Builder> customizer) {
      this.customizer = Objects.requireNonNull(customizer, "customizer == null");
      return this;
    }

    /** Returns the context builder. */
    public CompletionContextBuilder build() {
      return new CompletionContextBuilder(this);
    }

    private static int positive(int value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be > 0, was " + value);
      }
      return value;
    }

    private static int notNegative(int value, String name) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must be >= 0, was " + value);
      }
      return value;
    }
  }
}
