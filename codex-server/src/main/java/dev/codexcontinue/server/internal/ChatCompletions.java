package dev.codexcontinue.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.core.AgentReply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /v1/chat/completions}. A conversation that ends with a user message and declares no
 * tools of its own is a turn of the agent (its memory, tools and system prompt); one that declares
 * client tools, or ends with their results, goes to the provider as it is, because only the client
 * can run its tools (OpenAI's contract: the answer carries {@code tool_calls} back to it).
 */
public final class ChatCompletions {
  /** The header naming a persistent agent session; without it each request is self-contained. */
  public static final String SESSION_HEADER = "X-Codex-Session";

  private final Backend backend;

  /** Creates the endpoint. */
  public ChatCompletions(Backend backend) {
    this.backend = backend;
  }

  /** Handles one request. */
  public void handle(Exchange ex) throws IOException, InterruptedException {
    ObjectNode body = ex.jsonBody();
    List<ChatMessage> messages = OpenAiWire.messages(body);
    List<ToolSpec> clientTools = OpenAiWire.tools(body);
    boolean stream = Json.bool(body, "stream", false);
    boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
    String model = Json.string(body, "model").orElse(backend.modelName());
    String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    long created = System.currentTimeMillis() / 1000;
    ChatMessage last = messages.get(messages.size() - 1);
    boolean agentTurn = clientTools.isEmpty() && last.role().equals(Role.USER);
    if (agentTurn) {
      SessionTurn turn = SessionTurn.open(backend, ex, body, messages);
      try {
        if (stream) {
          ChunkWriter writer = new ChunkWriter(id, created, model, false);
          relay(ex, writer, includeUsage, relay -> backend.agent().stream(turn.request(), relay));
        } else {
          AgentReply reply = backend.agent().chat(turn.request());
          backend.metrics().tokens(reply.usage());
          FinishReason reason =
              reply.finishReason().equals(FinishReason.LENGTH)
                  ? FinishReason.LENGTH
                  : FinishReason.STOP;
          ex.json(200, completion(id, created, model, reply.message(), reason, reply.usage()));
        }
      } finally {
        turn.close();
      }
      return;
    }
    ChatRequest request = direct(body, messages, clientTools, model);
    if (stream) {
      ChunkWriter writer = new ChunkWriter(id, created, model, true);
      relay(ex, writer, includeUsage, relay -> backend.provider().stream(request, relay));
    } else {
      ChatResponse response = backend.provider().chat(request);
      backend.metrics().tokens(response.usage());
      ex.json(
          200,
          completion(
              id, created, model, response.message(), response.finishReason(), response.usage()));
    }
  }

  private interface Starter {
    dev.codexcontinue.api.Cancellable start(StreamRelay relay);
  }

  private void relay(Exchange ex, ChunkWriter writer, boolean includeUsage, Starter starter)
      throws IOException, InterruptedException {
    Runnable closed = backend.metrics().streamOpened();
    try (SseStream sse = SseStream.open(ex)) {
      StreamRelay relay = new StreamRelay(sse, writer, includeUsage, backend.metrics());
      relay.await(starter.start(relay));
    } finally {
      closed.run();
    }
  }

  private ChatRequest direct(
      JsonNode body, List<ChatMessage> messages, List<ToolSpec> tools, String model) {
    ChatRequest.Builder b = ChatRequest.builder().messages(messages).tools(tools);
    if (!model.equals(backend.modelName())) {
      b.model(model);
    }
    OpenAiWire.toolChoice(body).ifPresent(b::toolChoice);
    if (body.hasNonNull("parallel_tool_calls")) {
      b.parallelToolCalls(body.get("parallel_tool_calls").asBoolean());
    }
    if (body.hasNonNull("temperature")) {
      b.temperature(body.get("temperature").asDouble());
    }
    if (body.hasNonNull("top_p")) {
      b.topP(body.get("top_p").asDouble());
    }
    JsonNode max =
        body.hasNonNull("max_completion_tokens")
            ? body.get("max_completion_tokens")
            : body.get("max_tokens");
    if (max != null && max.canConvertToInt() && !max.isNull()) {
      b.maxOutputTokens(max.asInt());
    }
    if (body.hasNonNull("seed")) {
      b.seed(body.get("seed").asLong());
    }
    Json.string(body, "user").ifPresent(b::user);
    b.stop(stops(body.get("stop")));
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw HttpError.badRequest("invalid_request", String.valueOf(e.getMessage()));
    }
  }

  static List<String> stops(JsonNode stop) {
    List<String> out = new ArrayList<>();
    if (stop == null || stop.isNull()) {
      return out;
    }
    if (stop.isTextual()) {
      out.add(stop.asText());
    } else {
      stop.forEach(s -> out.add(s.asText()));
    }
    return out;
  }

  private static ObjectNode completion(
      String id,
      long created,
      String model,
      ChatMessage message,
      FinishReason reason,
      TokenUsage usage) {
    ObjectNode root = Json.object();
    root.put("id", id);
    root.put("object", "chat.completion");
    root.put("created", created);
    root.put("model", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode m = choice.putObject("message");
    m.put("role", "assistant");
    if (message.text().isEmpty() && message.hasToolCalls()) {
      m.putNull("content");
    } else {
      m.put("content", message.text());
    }
    if (message.hasToolCalls()) {
      m.set("tool_calls", OpenAiWire.toolCalls(message.toolCalls()));
    }
    m.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", reason.value());
    root.set("usage", OpenAiWire.usage(usage));
    root.putNull("system_fingerprint");
    return root;
  }
}
