package dev.codexcontinue.provider.openai;

import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.InvalidRequestException;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Azure OpenAI's content filter blocked the prompt (HTTP 400 with code {@code content_filter}) or,
 * when the provider is asked to fail on it, the completion ({@code finish_reason: content_filter}).
 * {@link #results()} says which categories fired. Not retryable: the same content is filtered
 * again.
 */
public class ContentFilterException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable ContentFilterResults results;
  private final boolean prompt;

  /**
   * Creates the exception.
   *
   * @param message the redacted message
   * @param details what the service said
   * @param results the filter results, when the service sent them
   * @param prompt whether the prompt (rather than the completion) was filtered
   */
  public ContentFilterException(
      String message,
      ErrorDetails details,
      @Nullable ContentFilterResults results,
      boolean prompt) {
    super(Objects.requireNonNull(message, "message == null"), details, null);
    this.results = results;
    this.prompt = prompt;
  }

  /** Returns the filter results, when the service sent them. */
  public Optional<ContentFilterResults> results() {
    return Optional.ofNullable(results);
  }

  /** Returns whether the prompt was filtered; {@code false} means the completion was. */
  public boolean isPromptFiltered() {
    return prompt;
  }
}
