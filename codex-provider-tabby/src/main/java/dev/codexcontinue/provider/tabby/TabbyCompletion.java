package dev.codexcontinue.provider.tabby;

import dev.codexcontinue.api.CodeSnippet;
import dev.codexcontinue.api.CompletionResponse;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A Tabby completion with what only Tabby answers: the completion mode and, when the request asked
 * for it with the {@code debug_options} provider option, the prompt the server built and the
 * snippets it retrieved. Immutable.
 */
public final class TabbyCompletion {
  private final CompletionResponse response;
  private final String mode;
  @Nullable private final String debugPrompt;
  private final List<CodeSnippet> debugSnippets;

  TabbyCompletion(
      CompletionResponse response,
      String mode,
      @Nullable String debugPrompt,
      List<CodeSnippet> debugSnippets) {
    this.response = response;
    this.mode = mode;
    this.debugPrompt = debugPrompt;
    this.debugSnippets = List.copyOf(debugSnippets);
  }

  /** Returns the completion, as {@link TabbyProvider#complete} returns it. */
  public CompletionResponse response() {
    return response;
  }

  /** Returns the mode the server completed in: {@code standard} or {@code next_edit_suggestion}. */
  public String mode() {
    return mode;
  }

  /** Returns the prompt the server sent its model (debug option {@code return_prompt}). */
  public Optional<String> debugPrompt() {
    return Optional.ofNullable(debugPrompt);
  }

  /** Returns the snippets the server retrieved (debug option {@code return_snippets}). */
  public List<CodeSnippet> debugSnippets() {
    return debugSnippets;
  }

  @Override
  public String toString() {
    return "TabbyCompletion[" + response.id() + ", mode=" + mode + "]";
  }
}
