package dev.codexcontinue.provider.ollama;

import dev.codexcontinue.api.ChatResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The metrics Ollama reports on the last object of an answer, read from a {@link ChatResponse}'s
 * provider data (keys {@code total_duration}, {@code load_duration}, {@code prompt_eval_count},
 * {@code prompt_eval_duration}, {@code eval_count}, {@code eval_duration}; durations are
 * nanoseconds on the wire). The server omits zero values, which read as zero here.
 *
 * @param total the whole call, model loading included
 * @param load loading the model
 * @param promptEvalCount prompt tokens evaluated (tokens served from the server's cache not
 *     counted)
 * @param promptEval evaluating the prompt
 * @param evalCount tokens generated
 * @param eval generating them
 */
public record OllamaTimings(
    Duration total,
    Duration load,
    long promptEvalCount,
    Duration promptEval,
    long evalCount,
    Duration eval) {
  /** Checks the components. */
  public OllamaTimings {
    Objects.requireNonNull(total, "total == null");
    Objects.requireNonNull(load, "load == null");
    Objects.requireNonNull(promptEval, "promptEval == null");
    Objects.requireNonNull(eval, "eval == null");
    if (promptEvalCount < 0 || evalCount < 0) {
      throw new IllegalArgumentException("negative token count");
    }
  }

  /**
   * Returns the timings of an Ollama response, or empty when it carries none (a response of another
   * provider, or a load/unload answer).
   */
  public static Optional<OllamaTimings> of(ChatResponse response) {
    Map<String, Object> data = Objects.requireNonNull(response, "response == null").providerData();
    if (!data.containsKey("total_duration") && !data.containsKey("eval_count")) {
      return Optional.empty();
    }
    return Optional.of(
        new OllamaTimings(
            Duration.ofNanos(number(data, "total_duration")),
            Duration.ofNanos(number(data, "load_duration")),
            number(data, "prompt_eval_count"),
            Duration.ofNanos(number(data, "prompt_eval_duration")),
            number(data, "eval_count"),
            Duration.ofNanos(number(data, "eval_duration"))));
  }

  /** Returns generated tokens per second ({@code eval_count / eval_duration}), or 0 if unknown. */
  public double tokensPerSecond() {
    long nanos = eval.toNanos();
    return nanos <= 0 ? 0 : evalCount * 1e9 / nanos;
  }

  private static long number(Map<String, Object> data, String key) {
    return data.get(key) instanceof Number n ? Math.max(0, n.longValue()) : 0;
  }
}
