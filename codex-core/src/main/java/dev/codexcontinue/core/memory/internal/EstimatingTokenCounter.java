package dev.codexcontinue.core.memory.internal;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ContentPart;
import dev.codexcontinue.api.ImagePart;
import dev.codexcontinue.api.TextPart;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.core.memory.TokenCounter;

/** The tokenizer-free estimate documented on {@link TokenCounter#estimating()}. */
public final class EstimatingTokenCounter implements TokenCounter {
  /** The one instance; the counter is stateless. */
  public static final EstimatingTokenCounter INSTANCE = new EstimatingTokenCounter();

  static final int CHARS_PER_TOKEN = 4;
  static final int MESSAGE_OVERHEAD = 4;
  static final int TOOL_CALL_OVERHEAD = 3;
  static final int IMAGE_LOW_DETAIL = 85;
  static final int IMAGE_DEFAULT = 765;

  private EstimatingTokenCounter() {}

  @Override
  public int count(ChatMessage message) {
    long chars = message.name().map(String::length).orElse(0);
    long tokens = MESSAGE_OVERHEAD;
    for (ContentPart part : message.parts()) {
      if (part instanceof TextPart text) {
        chars += text.text().length();
      } else if (part instanceof ImagePart image) {
        tokens += image.detail().equalsIgnoreCase("low") ? IMAGE_LOW_DETAIL : IMAGE_DEFAULT;
      }
    }
    for (ToolCall call : message.toolCalls()) {
      tokens += TOOL_CALL_OVERHEAD;
      chars += call.name().length() + call.arguments().length();
    }
    tokens += (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    return (int) Math.min(Integer.MAX_VALUE, tokens);
  }

  @Override
  public String toString() {
    return "TokenCounter.estimating()";
  }
}
