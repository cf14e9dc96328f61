package dev.codexcontinue.core;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.memory.MetadataFilter;
import dev.codexcontinue.api.memory.SessionKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * One user message to an agent: whose session it belongs to, the message (text and images), and
 * per-turn options. Immutable.
 */
public final class AgentRequest {
  /** The user id of requests that do not name one. */
  public static final String DEFAULT_USER = "default";

  private final SessionKey session;
  private final ChatMessage message;
  @Nullable private final MetadataFilter memoryFilter;
  @Nullable private final String systemPrompt;
  private final Map<String, String> promptVariables;
  private final Map<String, Object> attributes;

  private AgentRequest(Builder b) {
    this.session = SessionKey.of(b.userId, b.sessionId);
    this.message = Objects.requireNonNull(b.message, "message");
    this.memoryFilter = b.memoryFilter;
    this.systemPrompt = b.systemPrompt;
    this.promptVariables = Map.copyOf(b.promptVariables);
    this.attributes = Map.copyOf(b.attributes);
  }

  /** Returns a request of the default user in {@code sessionId} with a text message. */
  public static AgentRequest of(String sessionId, String text) {
    return builder(sessionId).text(text).build();
  }

  /** Returns a builder for a message in {@code sessionId}. */
  public static Builder builder(String sessionId) {
    return new Builder(sessionId);
  }

  /** Returns the conversation: user and session. */
  public SessionKey session() {
    return session;
  }

  /** Returns the user message. */
  public ChatMessage message() {
    return message;
  }

  /** Returns an extra filter on long-term memories; the agent always restricts them to the user. */
  public Optional<MetadataFilter> memoryFilter() {
    return Optional.ofNullable(memoryFilter);
  }

  /** Returns the name of the system prompt template for this turn, overriding the agent's. */
  public Optional<String> systemPrompt() {
    return Optional.ofNullable(systemPrompt);
  }

  /** Returns values for the system prompt's variables, beside {@code user} and {@code date}. */
  public Map<String, String> promptVariables() {
    return promptVariables;
  }

  /** Returns attributes passed to tools through their {@code ToolContext}. */
  public Map<String, Object> attributes() {
    return attributes;
  }

  @Override
  public String toString() {
    return "AgentRequest[" + session + ", " + message + "]";
  }

  /** Builds an {@link AgentRequest}. Not thread-safe. */
  public static final class Builder {
    private final String sessionId;
    private String userId = DEFAULT_USER;
    @Nullable private ChatMessage message;
    @Nullable private MetadataFilter memoryFilter;
    @Nullable private String systemPrompt;
    private final Map<String, String> promptVariables = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    private Builder(String sessionId) {
      this.sessionId = Objects.requireNonNull(sessionId, "sessionId == null");
    }

    /** Sets the user; {@value #DEFAULT_USER} by default. */
    public Builder userId(String userId) {
      this.userId = Objects.requireNonNull(userId, "userId == null");
      return this;
    }

    /** Sets a text message. */
    public Builder text(String text) {
      this.message = ChatMessage.user(Objects.requireNonNull(text, "text == null"));
      return this;
    }

    /** Sets the message, which must be a user message (it may carry images). */
    public Builder message(ChatMessage message) {
      Objects.requireNonNull(message, "message == null");
      if (!message.role().equals(Role.USER)) {
        throw new IllegalArgumentException("an agent request carries a user message");
      }
      this.message = message;
      return this;
    }

    /** Sets an extra filter on long-term memories. */
    public Builder memoryFilter(MetadataFilter filter) {
      this.memoryFilter = Objects.requireNonNull(filter, "filter == null");
      return this;
    }

    /** Sets the system prompt template for this turn. */
    public Builder systemPrompt(String templateName) {
      this.systemPrompt = Objects.requireNonNull(templateName, "templateName == null");
      return this;
    }

    /** Sets a value for a system prompt variable. */
    public Builder promptVariable(String name, String value) {
      promptVariables.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** Sets an attribute for tools. */
    public Builder attribute(String name, Object value) {
      attributes.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Returns the request.
     *
     * @throws IllegalStateException when no message was set or it is empty
     */
    public AgentRequest build() {
      if (message == null || (message.text().isBlank() && message.images().isEmpty())) {
        throw new IllegalStateException("an agent request needs a non-empty message");
      }
      return new AgentRequest(this);
    }
  }
}
