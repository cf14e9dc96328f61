package dev.codexcontinue.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.AgentStreamListener;
import dev.codexcontinue.core.tool.ToolExecution;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The agent's own API under {@code /api}: sessions and their messages (a turn streams named events:
 * {@code text}, {@code tool_call}, {@code tool_result}, {@code done} with the reply's memories and
 * step timings, or {@code error}), plus {@code /health}. Users are named by the {@code user} query
 * parameter or body field, {@code default} otherwise.
 */
final class AgentEndpoints {
  private final Backend backend;
  private final String version;

  private AgentEndpoints(Backend backend, String version) {
    this.backend = backend;
    this.version = version;
  }

  static void register(Backend backend, String version, List<Route> routes) {
    AgentEndpoints a = new AgentEndpoints(backend, version);
    routes.add(new Route("GET", "/health", true, a::health));
    routes.add(Route.of("GET", "/api/sessions", a::sessions));
    routes.add(Route.of("POST", "/api/sessions", a::create));
    routes.add(Route.of("GET", "/api/sessions/{id}/messages", a::history));
    routes.add(Route.of("POST", "/api/sessions/{id}/messages", a::turn));
    routes.add(Route.of("DELETE", "/api/sessions/{id}", a::delete));
    ResourceEndpoints.register(backend, routes);
  }

  private void health(Exchange ex) {
    ObjectNode root = Json.object();
    root.put("status", "ok");
    root.put("version", version);
    root.put("model", backend.modelName());
    ex.json(200, root);
  }

  private static String user(Exchange ex) {
    return Ids.check(ex.query("user").filter(u -> !u.isBlank()).orElse(AgentRequest.DEFAULT_USER));
  }

  private void sessions(Exchange ex) {
    String user = user(ex);
    ArrayNode list = Json.array();
    for (SessionKey key : backend.sessions().sessions()) {
      if (key.userId().equals(user) && !key.sessionId().startsWith("openai-")) {
        list.addObject()
            .put("id", key.sessionId())
            .put("messages", backend.sessions().messages(key).size());
      }
    }
    ObjectNode root = Json.object();
    root.set("sessions", list);
    ex.json(200, root);
  }

  private void create(Exchange ex) {
    ObjectNode root = Json.object();
    root.put("id", "s-" + UUID.randomUUID());
    ex.json(201, root);
  }

  private void history(Exchange ex) {
    SessionKey key = SessionKey.of(user(ex), Ids.check(ex.pathParam("id")));
    ArrayNode list = Json.array();
    for (ChatMessage m : backend.agent().history(key)) {
      list.add(message(m));
    }
    ObjectNode root = Json.object();
    root.set("messages", list);
    ex.json(200, root);
  }

  private static ObjectNode message(ChatMessage m) {
    ObjectNode o = Json.object();
    o.put("role", m.role().value());
    o.put("content", m.text());
    if (m.hasToolCalls()) {
      o.set("tool_calls", OpenAiWire.toolCalls(m.toolCalls()));
    }
    m.toolCallId().ifPresent(id -> o.put("tool_call_id", id));
    m.name().ifPresent(n -> o.put("name", n));
    return o;
  }

  private void delete(Exchange ex) {
    backend.agent().clearHistory(SessionKey.of(user(ex), Ids.check(ex.pathParam("id"))));
    ex.empty(204);
  }

  private void turn(Exchange ex) throws IOException, InterruptedException {
    ObjectNode body = ex.jsonBody();
    String content =
        Json.string(body, "content")
            .filter(c -> !c.isBlank())
            .orElseThrow(() -> HttpError.badRequest("missing_field", "'content' is required"));
    String user = Ids.check(Json.string(body, "user").orElse(AgentRequest.DEFAULT_USER));
    AgentRequest.Builder b =
        AgentRequest.builder(Ids.check(ex.pathParam("id"))).userId(user).text(content);
    Json.string(body, "system_prompt").ifPresent(b::systemPrompt);
    body.path("prompt_variables")
        .fields()
        .forEachRemaining(e -> b.promptVariable(e.getKey(), e.getValue().asText()));
    AgentRequest request = b.build();
    if (!Json.bool(body, "stream", false)) {
      AgentReply reply = backend.agent().chat(request);
      backend.metrics().tokens(reply.usage());
      ex.json(200, reply(reply));
      return;
    }
    Runnable closed = backend.metrics().streamOpened();
    try (SseStream sse = SseStream.open(ex)) {
      TurnEvents events = new TurnEvents(sse);
      events.await(backend.agent().stream(request, events));
      if (events.clientGone()) {
        backend.metrics().streamCancelled();
      }
    } finally {
      closed.run();
    }
  }

  /** Returns the reply as the playground shows it. */
  static ObjectNode reply(AgentReply reply) {
    ObjectNode o = Json.object();
    o.put("turn_id", reply.turnId());
    o.put("session", reply.session().sessionId());
    o.put("text", reply.text());
    o.put("stop_reason", reply.stopReason().name().toLowerCase(Locale.ROOT));
    o.put("model_calls", reply.modelCalls());
    o.set("usage", OpenAiWire.usage(reply.usage()));
    ArrayNode tools = o.putArray("tool_calls");
    for (ToolExecution t : reply.toolExecutions()) {
      tools.add(ResourceEndpoints.execution(t));
    }
    ArrayNode memories = o.putArray("memories");
    for (MemoryMatch m : reply.memories()) {
      memories.add(ResourceEndpoints.match(m));
    }
    ObjectNode timings = o.putObject("timings_ms");
    reply
        .timings()
        .forEach((step, d) -> timings.put(step.name().toLowerCase(Locale.ROOT), d.toNanos() / 1e6));
    return o;
  }

  /** Relays one streamed turn as named events; a failed write cancels the turn. */
  private final class TurnEvents extends Relay implements AgentStreamListener {
    private final SseStream sse;

    TurnEvents(SseStream sse) {
      this.sse = sse;
    }

    @Override
    public void onChunk(ChatChunk chunk) {
      if (chunk instanceof ChatChunk.TextDelta t) {
        send("text", Json.object().put("text", t.text()));
      } else if (chunk instanceof ChatChunk.ToolCallDelta d) {
        ObjectNode o = Json.object().put("index", d.index());
        d.idIfPresent().ifPresent(id -> o.put("id", id));
        d.nameIfPresent().ifPresent(n -> o.put("name", n));
        send("tool_call", o.put("arguments", d.argumentsFragment()));
      } else if (chunk instanceof ChatChunk.ToolOutcome t) {
        ObjectNode o = Json.object();
        o.put("id", t.call().id());
        o.put("name", t.call().name());
        o.put("arguments", t.call().arguments());
        o.put("content", t.result().content());
        o.put("is_error", t.result().isError());
        send("tool_result", o);
      }
    }

    @Override
    public void onComplete(AgentReply reply) {
      backend.metrics().tokens(reply.usage());
      send("done", reply(reply));
      finished();
    }

    @Override
    public void onError(CodexException error) {
      send("error", Errors.of(error).toJson());
      finished();
    }

    private void send(String name, JsonNode data) {
      if (!clientGone() && !sse.event(name, Json.text(data))) {
        clientLeft();
      }
    }
  }
}
