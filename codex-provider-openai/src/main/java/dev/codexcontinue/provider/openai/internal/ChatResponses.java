package dev.codexcontinue.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.TokenUsage;
import java.util.List;

/** Reads a non-streamed chat completion through the same assembly as a stream. */
public final class ChatResponses {
  /** Fields of a response or chunk kept as provider data, as the server named them. */
  static final List<String> ROOT_DATA =
      List.of("system_fingerprint", "service_tier", "prompt_filter_results", "prompt_annotations");

  private ChatResponses() {}

  /**
   * Returns the response a chat completion body describes.
   *
   * @throws IllegalArgumentException when the body has no usable choice
   */
  public static ChatResponse parse(JsonNode root) {
    ChatAssembler assembler = new ChatAssembler();
    assembler.acceptWhole(root);
    return assembler.response();
  }

  /** Reads a usage object; absent counts are zero. */
  static TokenUsage usage(JsonNode usage) {
    return new TokenUsage(
        Math.max(0, usage.path("prompt_tokens").asInt(0)),
        Math.max(0, usage.path("completion_tokens").asInt(0)));
  }

  /** Reads a finish reason; null and empty are absent. */
  static FinishReason finishReason(String value) {
    return FinishReason.of(value);
  }
}
