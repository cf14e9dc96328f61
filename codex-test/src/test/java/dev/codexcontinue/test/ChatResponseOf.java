package dev.codexcontinue.test;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatResponse;

/** Small response factory for tests. */
final class ChatResponseOf {
  private ChatResponseOf() {}

  static ChatResponse text(String text) {
    return ChatResponse.builder().message(ChatMessage.assistant(text)).build();
  }
}
