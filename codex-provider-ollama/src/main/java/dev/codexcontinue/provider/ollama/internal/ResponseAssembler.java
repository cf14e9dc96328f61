package dev.codexcontinue.provider.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds one answer from Ollama's objects: the lines of a stream, or a whole response read as its
 * one final line. It reads both endpoints' shapes: {@code /api/chat} puts text in {@code
 * message.content}, reasoning in {@code message.thinking} and tool calls in {@code
 * message.tool_calls}; {@code /api/generate} puts them in {@code response} and {@code thinking}.
 *
 * <p>Ollama sends each tool call whole (arguments as a JSON object, never split) and often without
 * an id. Each becomes one {@link ChatChunk.ToolCallDelta} with the call's position, its id or a
 * generated {@code call_<position>}, its name and its complete arguments text, so consumers see the
 * same events as from a provider that streams argument fragments. Calls from every line are
 * appended, not merged. Not thread-safe.
 */
public final class ResponseAssembler {
  /** The metrics of the final object, kept as provider data under their wire names. */
  static final List<String> METRICS =
      List.of(
          "total_duration",
          "load_duration",
          "prompt_eval_count",
          "prompt_eval_duration",
          "eval_count",
          "eval_duration");

  private final StringBuilder text = new StringBuilder();
  private final StringBuilder thinking = new StringBuilder();
  private final List<ToolCall> calls = new ArrayList<>();
  private final Map<String, Object> data = new LinkedHashMap<>();
  private final List<Object> logprobs = new ArrayList<>();
  private String model = "";
  private String doneReason = "";
  private boolean done;
  private long promptEvalCount = -1;
  private long evalCount = -1;

  /**
   * Reads one object and passes the deltas it carries to {@code out}; returns whether it was the
   * final one ({@code done: true}).
   *
   * @throws Malformed when a tool call has no function name
   */
  public boolean accept(JsonNode line, Consumer<ChatChunk> out) {
    String lineModel = Json.text(line.get("model"));
    if (!lineModel.isEmpty()) {
      model = lineModel;
    }
    JsonNode message = line.path("message");
    String content = Json.text(message.get("content")) + Json.text(line.get("response"));
    String thought = Json.text(message.get("thinking")) + Json.text(line.get("thinking"));
    if (!thought.isEmpty()) {
      thinking.append(thought);
      out.accept(new ChatChunk.ReasoningDelta(thought));
    }
    if (!content.isEmpty()) {
      text.append(content);
      out.accept(ChatChunk.text(content));
    }
    for (JsonNode call : message.path("tool_calls")) {
      toolCall(call, out);
    }
    for (JsonNode token : line.path("logprobs")) {
      Object value = Json.plain(token);
      if (value != null) {
        logprobs.add(value);
      }
    }
    if (line.path("done").asBoolean(false)) {
      done(line, out);
    }
    return done;
  }

  private void toolCall(JsonNode call, Consumer<ChatChunk> out) {
    int position = calls.size();
    JsonNode function = call.path("function");
    String name = Json.text(function.get("name"));
    if (name.isEmpty()) {
      throw new Malformed("tool call " + position + " has no function name");
    }
    String id = Json.text(call.get("id"));
    if (id.isEmpty()) {
      id = "call_" + position;
    }
    JsonNode args = function.get("arguments");
    String arguments =
        args == null || args.isNull() ? "{}" : args.isTextual() ? args.asText() : args.toString();
    calls.add(ToolCall.of(id, name, arguments));
    out.accept(ChatChunk.toolCall(position, id, name, arguments));
  }

  private void done(JsonNode line, Consumer<ChatChunk> out) {
    done = true;
    doneReason = Json.text(line.get("done_reason"));
    String createdAt = Json.text(line.get("created_at"));
    if (!createdAt.isEmpty()) {
      data.put("created_at", createdAt);
    }
    if (!doneReason.isEmpty()) {
      data.put("done_reason", doneReason);
    }
    for (String metric : METRICS) {
      long value = Json.count(line.get(metric));
      if (value >= 0) {
        data.put(metric, value);
      }
    }
    promptEvalCount = Json.count(line.get("prompt_eval_count"));
    evalCount = Json.count(line.get("eval_count"));
    if (promptEvalCount >= 0 || evalCount >= 0) {
      out.accept(new ChatChunk.UsageDelta(usage()));
    }
  }

  /** Returns whether the final object arrived. */
  public boolean isDone() {
    return done;
  }

  /** Returns the answer's text so far. */
  public String text() {
    return text.toString();
  }

  /** Returns the reasoning so far. */
  public String thinking() {
    return thinking.toString();
  }

  /** Returns the model that answered, or empty. */
  public String model() {
    return model;
  }

  /** Returns the prompt tokens the server evaluated, or {@code -1} when it did not say. */
  public long promptEvalCount() {
    return promptEvalCount;
  }

  /** Returns the tokens used; counts the server omitted are zero. */
  public TokenUsage usage() {
    return new TokenUsage(clamp(promptEvalCount), clamp(evalCount));
  }

  /** Returns the assembled chat response, with {@code extra} provider data added. */
  public ChatResponse response(Map<String, Object> extra) {
    ChatMessage.Builder message =
        ChatMessage.builder(Role.ASSISTANT).text(text.toString()).toolCalls(calls);
    if (thinking.length() > 0) {
      message.reasoning(thinking.toString());
    }
    ChatResponse.Builder response =
        ChatResponse.builder().message(message.build()).finishReason(finishReason()).usage(usage());
    if (!model.isEmpty()) {
      response.model(model);
    }
    data.forEach(response::providerData);
    if (!logprobs.isEmpty()) {
      response.providerData("logprobs", logprobs);
    }
    extra.forEach(response::providerData);
    return response.build();
  }

  /**
   * Returns why the model stopped: Ollama says {@code stop} even when it called tools, so calls
   * make it {@link FinishReason#TOOL_CALLS}; {@code length} is {@link FinishReason#LENGTH}; {@code
   * load} and {@code unload} are kept as they came.
   */
  FinishReason finishReason() {
    if (!calls.isEmpty()) {
      return FinishReason.TOOL_CALLS;
    }
    return doneReason.isBlank() ? FinishReason.STOP : FinishReason.of(doneReason);
  }

  /** An object that breaks the protocol; the caller reports it as a malformed answer. */
  public static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private static int clamp(long n) {
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, n));
  }
}
