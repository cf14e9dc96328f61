package dev.codexcontinue.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.TokenUsage;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Builds the {@code chat.completion.chunk} objects of one streamed answer: the first carries the
 * role, text and tool-call deltas follow (tool calls as {@code index/id/type/function}), then the
 * finish reason, then the usage chunk with empty {@code choices} when the client asked for it.
 */
final class ChunkWriter {
  private final String id;
  private final long created;
  private final String model;
  private final boolean exposeToolCalls;
  private boolean first = true;

  ChunkWriter(String id, long created, String model, boolean exposeToolCalls) {
    this.id = id;
    this.created = created;
    this.model = model;
    this.exposeToolCalls = exposeToolCalls;
  }

  /** Returns the chunk for a delta, or empty for deltas the client does not see. */
  Optional<ObjectNode> delta(ChatChunk chunk) {
    if (chunk instanceof ChatChunk.TextDelta t) {
      ObjectNode delta = Json.object();
      delta.put("content", t.text());
      return Optional.of(choice(delta, null));
    }
    if (chunk instanceof ChatChunk.ToolCallDelta d && exposeToolCalls) {
      ObjectNode delta = Json.object();
      ArrayNode calls = delta.putArray("tool_calls");
      ObjectNode call = calls.addObject();
      call.put("index", d.index());
      d.idIfPresent().ifPresent(v -> call.put("id", v).put("type", "function"));
      ObjectNode fn = call.putObject("function");
      d.nameIfPresent().ifPresent(v -> fn.put("name", v));
      fn.put("arguments", d.argumentsFragment());
      if (first) {
        delta.putNull("content");
      }
      return Optional.of(choice(delta, null));
    }
    return Optional.empty();
  }

  /** Returns the chunk that carries the finish reason. */
  ObjectNode finish(FinishReason reason) {
    return choice(Json.object(), reason.value());
  }

  /** Returns the usage chunk, with empty {@code choices}. */
  ObjectNode usage(TokenUsage usage) {
    ObjectNode root = envelope();
    root.putArray("choices");
    root.set("usage", OpenAiWire.usage(usage));
    return root;
  }

  private ObjectNode choice(ObjectNode delta, @Nullable String finishReason) {
    if (first) {
      ObjectNode withRole = Json.object();
      withRole.put("role", "assistant");
      withRole.setAll(delta);
      delta = withRole;
      first = false;
    }
    ObjectNode root = envelope();
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return root;
  }

  private ObjectNode envelope() {
    ObjectNode root = Json.object();
    root.put("id", id);
    root.put("object", "chat.completion.chunk");
    root.put("created", created);
    root.put("model", model);
    root.putNull("system_fingerprint");
    return root;
  }
}
