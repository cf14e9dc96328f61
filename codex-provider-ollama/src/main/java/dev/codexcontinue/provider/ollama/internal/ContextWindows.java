package dev.codexcontinue.provider.ollama.internal;

import dev.codexcontinue.provider.ollama.ContextSizing;
import dev.codexcontinue.provider.ollama.OllamaModelDetails;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides {@code options.num_ctx} for a call and checks afterwards whether the server cut the
 * prompt; see {@link ContextSizing} and {@code PromptTruncation} for the rules. Holds the {@code
 * /api/show} answers per model; asking {@code show} again refreshes one. Thread-safe.
 */
public final class ContextWindows {
  /** Below this many tokens (prompt plus answer) no server default cuts anything. */
  static final int SMALLEST_DEFAULT = 2048;

  /** Room kept for the answer when the call does not bound it. */
  static final int ANSWER_RESERVE = 1024;

  private static final Logger log = LoggerFactory.getLogger(ContextWindows.class);

  private final ContextSizing sizing;
  private final Map<String, OllamaModelDetails> details = new ConcurrentHashMap<>();

  /** Creates the windows for {@code sizing}. */
  public ContextWindows(ContextSizing sizing) {
    this.sizing = sizing;
  }

  /** Returns the tokens a call needs: the prompt plus {@code numPredict}, or a reserve. */
  public static int need(int promptTokens, long numPredict) {
    long answer = numPredict > 0 ? numPredict : ANSWER_RESERVE;
    return (int) Math.min(Integer.MAX_VALUE, promptTokens + answer);
  }

  /** Returns whether sizing a call that needs {@code need} tokens takes the model's length. */
  public boolean needsModelLength(int need) {
    return switch (sizing) {
      case AUTO -> need > SMALLEST_DEFAULT;
      case MODEL_MAXIMUM -> true;
      case SERVER_DEFAULT -> false;
    };
  }

  /**
   * Returns the {@code num_ctx} for a call that needs {@code need} tokens, given the model's
   * context length when known; empty leaves the server's default.
   */
  public OptionalInt numCtx(int need, OptionalInt modelLength) {
    return switch (sizing) {
      case SERVER_DEFAULT -> OptionalInt.empty();
      case MODEL_MAXIMUM -> modelLength;
      case AUTO -> {
        if (need <= SMALLEST_DEFAULT) {
          yield OptionalInt.empty();
        }
        int size = Integer.highestOneBit(need - 1) << 1;
        if (size <= 0) {
          size = Integer.MAX_VALUE;
        }
        yield OptionalInt.of(
            modelLength.isPresent() ? Math.min(size, modelLength.getAsInt()) : size);
      }
    };
  }

  /** Returns the cached details of {@code model}. */
  public Optional<OllamaModelDetails> cached(String model) {
    return Optional.ofNullable(details.get(model));
  }

  /** Caches the details of their model. */
  public void remember(OllamaModelDetails modelDetails) {
    details.put(modelDetails.model(), modelDetails);
  }

  /**
   * Returns the provider data that reports whether the prompt was cut: {@code truncated}, {@code
   * estimated_prompt_tokens} and, when known, {@code num_ctx}; logs a warning when it was.
   *
   * @param model the model called
   * @param estimate the estimated prompt tokens
   * @param numCtx the context window of the call, or -1 when the server's default applied
   * @param promptEvalCount the prompt tokens the server evaluated, or -1 when it did not say
   */
  public static Map<String, Object> truncation(
      String model, int estimate, int numCtx, long promptEvalCount) {
    Map<String, Object> data = new LinkedHashMap<>();
    boolean truncated =
        numCtx > 0
            && promptEvalCount > 0
            && (promptEvalCount >= numCtx
                || estimate > numCtx && promptEvalCount < estimate * 3L / 4);
    data.put("truncated", truncated);
    data.put("estimated_prompt_tokens", (long) estimate);
    if (numCtx > 0) {
      data.put("num_ctx", (long) numCtx);
    }
    if (truncated) {
      log.warn(
          "ollama: model {} evaluated {} prompt tokens of about {} sent with num_ctx={}: the"
              + " server cut the prompt; raise num_ctx or shorten the conversation",
          model,
          promptEvalCount,
          estimate,
          numCtx);
    }
    return data;
  }
}
