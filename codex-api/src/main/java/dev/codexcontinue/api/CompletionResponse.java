package dev.codexcontinue.api;

import dev.codexcontinue.api.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The answer to a code-completion call: the completion id to report acceptance against, and the
 * choices. Immutable.
 */
public final class CompletionResponse {
  private final String id;
  private final List<CompletionChoice> choices;
  @Nullable private final String model;
  private final TokenUsage usage;

  private CompletionResponse(
      String id, List<CompletionChoice> choices, @Nullable String model, TokenUsage usage) {
    this.id = id;
    this.choices = choices;
    this.model = model;
    this.usage = usage;
  }

  /** Returns a response. */
  public static CompletionResponse of(
      String id, List<CompletionChoice> choices, @Nullable String model, TokenUsage usage) {
    return new CompletionResponse(
        Checks.notBlank(id, "id"),
        List.copyOf(Objects.requireNonNull(choices, "choices == null")),
        model,
        Objects.requireNonNull(usage, "usage == null"));
  }

  /** Returns the completion id (for acceptance events). */
  public String id() {
    return id;
  }

  /** Returns the choices; may be empty when the model had nothing to propose. */
  public List<CompletionChoice> choices() {
    return choices;
  }

  /** Returns the first choice's text, or an empty string when there is none. */
  public String text() {
    return choices.isEmpty() ? "" : choices.get(0).text();
  }

  /** Returns the model that answered. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** Returns the tokens used; {@link TokenUsage#ZERO} when the provider did not say. */
  public TokenUsage usage() {
    return usage;
  }

  /** Returns a copy with other choices (for example after trimming). */
  public CompletionResponse withChoices(List<CompletionChoice> newChoices) {
    return of(id, newChoices, model, usage);
  }

  @Override
  public String toString() {
    return "CompletionResponse[id=" + id + ", choices=" + choices.size() + "]";
  }
}
