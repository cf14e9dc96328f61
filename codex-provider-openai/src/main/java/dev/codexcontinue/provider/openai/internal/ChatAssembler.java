package dev.codexcontinue.provider.openai.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * Builds one {@link ChatResponse} from chat completion chunks (or from a whole response, read as
 * one chunk whose choice carries a {@code message}). Only choice 0 is assembled. Tool calls are
 * keyed by their {@code index}: id and name come from the first non-empty value ({@code ""} counts
 * as absent, as DeepSeek sends it), {@code tool_calls: []} is ignored, argument fragments are
 * concatenated in arrival order. Text that was already sent is kept when a late {@code
 * finish_reason} (Azure's asynchronous filter) changes the outcome. Not thread-safe.
 */
public final class ChatAssembler {
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder reasoning = new StringBuilder();
  private final TreeMap<Integer, PendingCall> calls = new TreeMap<>();
  private final Map<String, Object> data = new LinkedHashMap<>();
  private final Map<String, Object> contentFilter = new LinkedHashMap<>();
  private final List<Object> logprobs = new ArrayList<>();
  private String id = "";
  private String model = "";
  @Nullable private FinishReason finish;
  @Nullable private TokenUsage usage;
  private boolean sawChoice;

  private static final class PendingCall {
    private String id = "";
    private String name = "";
    private final StringBuilder arguments = new StringBuilder();
  }

  /**
   * Reads a streamed chunk (JSON text) with Jackson's streaming parser, without building a tree of
   * the parts it does not keep, and passes the deltas it carries to {@code out}.
   *
   * @return the chunk's top-level {@code error} value, or {@code null} when it has none; a chunk
   *     with an error carries nothing else
   * @throws IOException when the text is not a JSON object
   */
  @Nullable
  public JsonNode accept(String json, Consumer<ChatChunk> out) throws IOException {
    try (JsonParser p = Json.PART_READER.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(p, "a stream chunk must be a JSON object");
      }
      JsonNode error = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken token = p.nextToken();
        switch (field) {
          case "id" -> keepFirst(scalar(p, token), true);
          case "model" -> keepFirst(scalar(p, token), false);
          case "choices" -> {
            if (token == JsonToken.START_ARRAY) {
              while (p.nextToken() == JsonToken.START_OBJECT) {
                streamedChoice(p, out);
              }
            } else {
              p.skipChildren();
            }
          }
          case "usage" -> {
            if (token == JsonToken.START_OBJECT) {
              JsonNode u = Json.PART_READER.readTree(p);
              usage = ChatResponses.usage(u);
              data.put("usage", Json.toValue(u));
              out.accept(new ChatChunk.UsageDelta(usage));
            } else {
              p.skipChildren();
            }
          }
          case "error" -> {
            if (token != JsonToken.VALUE_NULL) {
              error = Json.PART_READER.readTree(p);
            }
          }
          default -> {
            if (ChatResponses.ROOT_DATA.contains(field) && token != JsonToken.VALUE_NULL) {
              Object value = Json.toValue(Json.PART_READER.readTree(p));
              if (value != null) {
                data.put(field, value);
              }
            } else {
              p.skipChildren();
            }
          }
        }
      }
      return error;
    }
  }

  /** Reads one element of {@code choices}; its fields may come in any order. */
  private void streamedChoice(JsonParser p, Consumer<ChatChunk> out) throws IOException {
    int index = 0;
    String content = "";
    String reasoningContent = "";
    String reasoningAlt = "";
    String reason = "";
    JsonNode toolCalls = null;
    JsonNode filter = null;
    JsonNode offsets = null;
    JsonNode logprobTokens = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken token = p.nextToken();
      switch (field) {
        case "index" -> index = p.getValueAsInt(0);
        case "finish_reason" -> reason = scalar(p, token);
        case "content_filter_results" -> filter = tree(p, token);
        case "content_filter_offsets" -> offsets = tree(p, token);
        case "logprobs" -> logprobTokens = tree(p, token);
        case "delta" -> {
          if (token != JsonToken.START_OBJECT) {
            p.skipChildren();
            continue;
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
              case "content" -> content = scalar(p, value);
              case "reasoning_content" -> reasoningContent = scalar(p, value);
              case "reasoning" -> reasoningAlt = scalar(p, value);
              case "tool_calls" -> toolCalls = tree(p, value);
              default -> p.skipChildren();
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    if (index != 0) {
      return;
    }
    sawChoice = true;
    if (!content.isEmpty()) {
      text.append(content);
      out.accept(ChatChunk.text(content));
    }
    String thinking = reasoningContent.isEmpty() ? reasoningAlt : reasoningContent;
    if (!thinking.isEmpty()) {
      reasoning.append(thinking);
      out.accept(new ChatChunk.ReasoningDelta(thinking));
    }
    if (toolCalls != null) {
      for (int position = 0; position < toolCalls.size(); position++) {
        toolCallDelta(toolCalls.get(position), position, out);
      }
    }
    choiceCommon(reason, filter, offsets, logprobTokens);
  }

  private void keepFirst(String value, boolean isId) {
    // Azure's filter-annotation chunks carry "" for id and model: never let them erase a value.
    if (isId && id.isEmpty()) {
      id = value;
    } else if (!isId && model.isEmpty()) {
      model = value;
    }
  }

  private static String scalar(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
      return p.getText();
    }
    p.skipChildren();
    return "";
  }

  @Nullable
  private static JsonNode tree(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    return Json.PART_READER.readTree(p);
  }

  /** Reads a whole (non-streamed) response. */
  public void acceptWhole(JsonNode response) {
    root(response);
    for (JsonNode choice : response.path("choices")) {
      if (choice.path("index").asInt(0) != 0) {
        continue;
      }
      sawChoice = true;
      JsonNode message = choice.path("message");
      JsonNode content = message.get("content");
      if (content != null && content.isArray()) {
        for (JsonNode part : content) {
          text.append(Json.text(part.get("text")));
        }
      } else {
        text.append(Json.text(content));
      }
      reasoning.append(reasoning(message));
      JsonNode toolCalls = message.path("tool_calls");
      for (int position = 0; position < toolCalls.size(); position++) {
        toolCallDelta(toolCalls.get(position), position, c -> {});
      }
      String refusal = Json.text(message.get("refusal"));
      if (!refusal.isEmpty()) {
        data.put("refusal", refusal);
      }
      choiceCommon(
          Json.text(choice.get("finish_reason")),
          choice.get("content_filter_results"),
          choice.get("content_filter_offsets"),
          choice.get("logprobs"));
    }
    JsonNode u = response.get("usage");
    if (u != null && u.isObject()) {
      usage = ChatResponses.usage(u);
      data.put("usage", Json.toValue(u));
    }
  }

  /** Returns the finish reason seen so far, if any. */
  public @Nullable FinishReason finishReason() {
    return finish;
  }

  /**
   * Returns the assembled response.
   *
   * @throws IllegalArgumentException when no choice arrived, or a tool call never got a name
   */
  public ChatResponse response() {
    if (!sawChoice) {
      throw new IllegalArgumentException("the response has no choice");
    }
    List<ToolCall> toolCalls = new ArrayList<>();
    for (Map.Entry<Integer, PendingCall> e : calls.entrySet()) {
      PendingCall call = e.getValue();
      if (call.name.isEmpty()) {
        throw new IllegalArgumentException("tool call " + e.getKey() + " has no function name");
      }
      String callId = call.id.isEmpty() ? "call_" + e.getKey() : call.id;
      toolCalls.add(ToolCall.of(callId, call.name, call.arguments.toString()));
    }
    ChatMessage.Builder message =
        ChatMessage.builder(Role.ASSISTANT).text(text.toString()).toolCalls(toolCalls);
    if (reasoning.length() > 0) {
      message.reasoning(reasoning.toString());
    }
    FinishReason reason =
        finish != null ? finish : toolCalls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
    ChatResponse.Builder response =
        ChatResponse.builder()
            .message(message.build())
            .finishReason(reason)
            .usage(usage == null ? TokenUsage.ZERO : usage);
    if (!id.isEmpty()) {
      response.id(id);
    }
    if (!model.isEmpty()) {
      response.model(model);
    }
    data.forEach(response::providerData);
    if (!contentFilter.isEmpty()) {
      response.providerData("content_filter_results", contentFilter);
    }
    if (!logprobs.isEmpty()) {
      response.providerData("logprobs", Map.of("content", logprobs));
    }
    return response.build();
  }

  private void root(JsonNode node) {
    // Azure's filter-annotation chunks carry "" for id and model: never let them erase a value.
    String chunkId = Json.text(node.get("id"));
    if (id.isEmpty() && !chunkId.isEmpty()) {
      id = chunkId;
    }
    String chunkModel = Json.text(node.get("model"));
    if (model.isEmpty() && !chunkModel.isEmpty()) {
      model = chunkModel;
    }
    for (String key : ChatResponses.ROOT_DATA) {
      Object value = Json.toValue(node.get(key));
      if (value != null) {
        data.put(key, value);
      }
    }
  }

  private void choiceCommon(
      String reason,
      @Nullable JsonNode filter,
      @Nullable JsonNode offsets,
      @Nullable JsonNode logprobTokens) {
    if (!reason.isBlank()) {
      finish = ChatResponses.finishReason(reason);
    }
    if (Json.toValue(filter) instanceof Map<?, ?> map) {
      map.forEach((k, v) -> contentFilter.put((String) k, v));
    }
    Object offsetValue = Json.toValue(offsets);
    if (offsetValue != null) {
      data.put("content_filter_offsets", offsetValue);
    }
    if (logprobTokens != null) {
      for (JsonNode token : logprobTokens.path("content")) {
        Object value = Json.toValue(token);
        if (value != null) {
          logprobs.add(value);
        }
      }
    }
  }

  private void toolCallDelta(JsonNode call, int position, Consumer<ChatChunk> out) {
    int index = call.path("index").asInt(position);
    if (index < 0) {
      index = position;
    }
    PendingCall pending = calls.computeIfAbsent(index, i -> new PendingCall());
    String callId = Json.text(call.get("id"));
    String name = Json.text(call.path("function").get("name"));
    JsonNode argumentsNode = call.path("function").get("arguments");
    String arguments =
        argumentsNode != null && argumentsNode.isObject()
            ? argumentsNode.toString()
            : Json.text(argumentsNode);
    if (pending.id.isEmpty() && !callId.isEmpty()) {
      pending.id = callId;
    }
    if (pending.name.isEmpty() && !name.isEmpty()) {
      pending.name = name;
    }
    pending.arguments.append(arguments);
    if (!callId.isEmpty() || !name.isEmpty() || !arguments.isEmpty()) {
      out.accept(ChatChunk.toolCall(index, callId, name, arguments));
    }
  }

  private static String reasoning(JsonNode node) {
    String value = Json.text(node.get("reasoning_content"));
    return value.isEmpty() ? Json.text(node.get("reasoning")) : value;
  }
}
