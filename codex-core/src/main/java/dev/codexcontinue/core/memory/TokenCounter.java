package dev.codexcontinue.core.memory;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.core.memory.internal.EstimatingTokenCounter;

/**
 * Counts the tokens a message costs in a prompt: its text, its images (a fixed cost each) and the
 * names and arguments of its tool calls. Implementations are thread-safe, deterministic and return
 * a count {@code >= 0}; plug in a model's real tokenizer for exact budgets.
 */
@FunctionalInterface
public interface TokenCounter {
  /** Returns the number of tokens {@code message} costs. */
  int count(ChatMessage message);

  /**
   * Returns an estimate that needs no tokenizer: one token per 4 characters (rounded up) of text,
   * tool names, tool arguments and participant name, plus 4 tokens per message and 3 per tool call
   * for the chat format, and a fixed cost per image (85 tokens at detail {@code low}, otherwise
   * 765, OpenAI's cost of a 1024x1024 image). Reasoning text is not counted: providers do not take
   * it back as input. Deterministic.
   */
  static TokenCounter estimating() {
    return EstimatingTokenCounter.INSTANCE;
  }
}
