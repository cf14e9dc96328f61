package dev.codexcontinue.provider.tabby.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * Assembles the chat completion chunks Tabby relays from its chat model into one response: text of
 * choice 0, tool calls keyed by their {@code index} (id and name from the first non-empty value,
 * argument fragments joined in arrival order), the finish reason and usage. Not thread-safe.
 */
final class ChatAssembly {
  /** A tool call being assembled. */
  private static final class Call {
    private String id = "";
    private String name = "";
    private final StringBuilder arguments = new StringBuilder();
  }

  private final StringBuilder text = new StringBuilder();
  private final Map<Integer, Call> calls = new TreeMap<>();
  private String id = "";
  private String model = "";
  @Nullable private FinishReason finish;
  private TokenUsage usage = TokenUsage.ZERO;
  private boolean sawChoice;

  /** Reads one chunk, passing the deltas it carries to {@code out}. */
  void accept(JsonNode chunk, Consumer<ChatChunk> out) {
    if (id.isEmpty()) {
      id = Json.text(chunk.get("id"));
    }
    if (model.isEmpty()) {
      model = Json.text(chunk.get("model"));
    }
    for (JsonNode choice : chunk.path("choices")) {
      if (choice.path("index").asInt(0) != 0) {
        continue;
      }
      sawChoice = true;
      JsonNode delta = choice.path("delta");
      String content = Json.text(delta.get("content"));
      if (!content.isEmpty()) {
        text.append(content);
        out.accept(ChatChunk.text(content));
      }
      JsonNode toolCalls = delta.path("tool_calls");
      for (int position = 0; position < toolCalls.size(); position++) {
        toolCall(toolCalls.get(position), position, out);
      }
      String reason = Json.text(choice.get("finish_reason"));
      if (!reason.isBlank()) {
        finish = FinishReason.of(reason);
      }
    }
    JsonNode u = chunk.get("usage");
    if (u != null && u.isObject()) {
      usage =
          new TokenUsage(
              Math.max(0, u.path("prompt_tokens").asInt(0)),
              Math.max(0, u.path("completion_tokens").asInt(0)));
      out.accept(new ChatChunk.UsageDelta(usage));
    }
  }

  private void toolCall(JsonNode call, int position, Consumer<ChatChunk> out) {
    int index = Math.max(0, call.path("index").asInt(position));
    Call pending = calls.computeIfAbsent(index, i -> new Call());
    String callId = Json.text(call.get("id"));
    String name = Json.text(call.path("function").get("name"));
    String fragment = Json.text(call.path("function").get("arguments"));
    if (pending.id.isEmpty()) {
      pending.id = callId;
    }
    if (pending.name.isEmpty()) {
      pending.name = name;
    }
    pending.arguments.append(fragment);
    if (!callId.isEmpty() || !name.isEmpty() || !fragment.isEmpty()) {
      out.accept(ChatChunk.toolCall(index, callId, name, fragment));
    }
  }

  /** Returns whether any choice arrived. */
  boolean hasChoice() {
    return sawChoice;
  }

  /**
   * Returns the assembled response.
   *
   * @throws IllegalArgumentException when a tool call never got a name
   */
  ChatResponse response() {
    List<ToolCall> toolCalls = new ArrayList<>();
    calls.forEach(
        (index, call) -> {
          if (call.name.isEmpty()) {
            throw new IllegalArgumentException("tool call " + index + " has no function name");
          }
          String callId = call.id.isEmpty() ? "call_" + index : call.id;
          toolCalls.add(ToolCall.of(callId, call.name, call.arguments.toString()));
        });
    FinishReason reason =
        finish != null ? finish : toolCalls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
    ChatResponse.Builder response =
        ChatResponse.builder()
            .message(
                ChatMessage.builder(Role.ASSISTANT)
                    .text(text.toString())
                    .toolCalls(toolCalls)
                    .build())
            .finishReason(reason)
            .usage(usage);
    if (!id.isEmpty()) {
      response.id(id);
    }
    if (!model.isEmpty()) {
      response.model(model);
    }
    return response.build();
  }
}
