package dev.codexcontinue.core.completion;

import dev.codexcontinue.api.CompletionRequest;

/** Test documents written with {@code ▮} where the cursor is. */
final class Documents {
  static final String CURSOR = "▮";

  private Documents() {}

  /** Returns an editor context for {@code marked}, the cursor where the marker is. */
  static EditorContext.Builder at(String marked) {
    int cursor = marked.indexOf(CURSOR);
    if (cursor < 0 || marked.indexOf(CURSOR, cursor + 1) >= 0) {
      throw new IllegalArgumentException("mark the cursor exactly once");
    }
    return EditorContext.builder(marked.replace(CURSOR, ""), cursor);
  }

  /** Returns a request whose prefix and suffix are the two sides of the marker. */
  static CompletionRequest request(String language, String marked) {
    int cursor = marked.indexOf(CURSOR);
    return CompletionRequest.builder(
            marked.substring(0, cursor), marked.substring(cursor + CURSOR.length()))
        .language(language)
        .build();
  }
}
