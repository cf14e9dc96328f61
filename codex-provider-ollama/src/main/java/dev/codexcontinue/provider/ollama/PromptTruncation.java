package dev.codexcontinue.provider.ollama;

import dev.codexcontinue.api.ChatResponse;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A prompt that Ollama cut to fit its context window, as the provider detected it. Ollama does not
 * fail a prompt longer than {@code num_ctx}: it drops old messages or the start of the prompt and
 * answers anyway. The provider compares the tokens the server evaluated ({@code prompt_eval_count})
 * with its own estimate of the prompt and with the {@code num_ctx} in effect, marks the response's
 * provider data ({@code truncated}, {@code prompt_eval_count}, {@code estimated_prompt_tokens},
 * {@code num_ctx}) and logs a warning.
 *
 * <p>It is flagged when the evaluated tokens reach {@code num_ctx} (the prompt filled the window),
 * or when the estimate exceeds {@code num_ctx} and the evaluated count is below three quarters of
 * the estimate. The estimate counts about four UTF-8 bytes per token, so the check is a heuristic,
 * made only when the {@code num_ctx} of the call is known.
 *
 * @param promptEvalCount the prompt tokens the server evaluated
 * @param estimatedPromptTokens the provider's estimate of the prompt's tokens
 * @param numCtx the context window of the call, in tokens
 */
public record PromptTruncation(long promptEvalCount, long estimatedPromptTokens, long numCtx) {
  /** Returns the truncation an Ollama response reports, or empty when its prompt was whole. */
  public static Optional<PromptTruncation> of(ChatResponse response) {
    Map<String, Object> data = Objects.requireNonNull(response, "response == null").providerData();
    if (!Boolean.TRUE.equals(data.get("truncated"))) {
      return Optional.empty();
    }
    return Optional.of(
        new PromptTruncation(
            number(data, "prompt_eval_count"),
            number(data, "estimated_prompt_tokens"),
            number(data, "num_ctx")));
  }

  private static long number(Map<String, Object> data, String key) {
    return data.get(key) instanceof Number n ? n.longValue() : 0;
  }
}
