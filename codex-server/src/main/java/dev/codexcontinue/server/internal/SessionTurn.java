package dev.codexcontinue.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.AgentRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The agent session an OpenAI request runs in. With {@value ChatCompletions#SESSION_HEADER} it is
 * that persistent session, and only the last user message is new (the agent remembers the rest).
 * Without it, the request is self-contained as OpenAI's API is: a fresh session is seeded with the
 * request's earlier messages and forgotten after the turn.
 */
final class SessionTurn implements AutoCloseable {
  private final Backend backend;
  private final AgentRequest request;
  private final boolean ephemeral;

  private SessionTurn(Backend backend, AgentRequest request, boolean ephemeral) {
    this.backend = backend;
    this.request = request;
    this.ephemeral = ephemeral;
  }

  static SessionTurn open(Backend backend, Exchange ex, JsonNode body, List<ChatMessage> messages) {
    String user =
        Json.string(body, "user").filter(u -> !u.isBlank()).orElse(AgentRequest.DEFAULT_USER);
    String named = ex.request().header(ChatCompletions.SESSION_HEADER).orElse("").trim();
    boolean ephemeral = named.isEmpty();
    String sessionId = ephemeral ? "openai-" + UUID.randomUUID() : Ids.check(named);
    ChatMessage last = messages.get(messages.size() - 1);
    AgentRequest request;
    try {
      request = AgentRequest.builder(sessionId).userId(user).message(last).build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw HttpError.badRequest("invalid_messages", String.valueOf(e.getMessage()));
    }
    if (ephemeral) {
      List<ChatMessage> earlier = new ArrayList<>();
      for (ChatMessage m : messages.subList(0, messages.size() - 1)) {
        if (!m.role().equals(Role.SYSTEM)) {
          earlier.add(m);
        }
      }
      if (!earlier.isEmpty()) {
        backend.sessions().append(request.session(), earlier);
      }
    }
    return new SessionTurn(backend, request, ephemeral);
  }

  AgentRequest request() {
    return request;
  }

  SessionKey session() {
    return request.session();
  }

  @Override
  public void close() {
    if (ephemeral) {
      backend.sessions().clear(request.session());
    }
  }
}
