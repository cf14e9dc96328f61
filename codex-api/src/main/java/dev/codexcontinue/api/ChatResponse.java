package dev.codexcontinue.api;

import dev.codexcontinue.api.internal.JsonValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The model's answer to a chat call: an assistant message (text, reasoning, tool calls), why it
 * stopped, the tokens used, and provider-specific data such as content-filter results or
 * log-probabilities. Immutable.
 */
public final class ChatResponse {
  @Nullable private final String id;
  @Nullable private final String model;
  private final ChatMessage message;
  private final FinishReason finishReason;
  private final TokenUsage usage;
  private final Map<String, Object> providerData;

  private ChatResponse(Builder b) {
    this.id = b.id;
    this.model = b.model;
    this.message = Objects.requireNonNull(b.message, "message");
    this.finishReason = b.finishReason;
    this.usage = b.usage;
    this.providerData = JsonValues.copyOf(b.providerData, "providerData");
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the response id the provider assigned. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** Returns the model that answered, as the provider named it. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** Returns the assistant message. */
  public ChatMessage message() {
    return message;
  }

  /** Returns the answer's text (empty when the model only called tools). */
  public String text() {
    return message.text();
  }

  /** Returns the tool calls the model asked for. */
  public List<ToolCall> toolCalls() {
    return message.toolCalls();
  }

  /** Returns the reasoning text, when the provider sent one. */
  public Optional<String> reasoning() {
    return message.reasoning();
  }

  /** Returns why the model stopped. */
  public FinishReason finishReason() {
    return finishReason;
  }

  /** Returns the tokens used; {@link TokenUsage#ZERO} when the provider did not say. */
  public TokenUsage usage() {
    return usage;
  }

  /** Returns provider-specific data, keyed by the provider's own field names. */
  public Map<String, Object> providerData() {
    return providerData;
  }

  /** Returns a builder pre-filled with this response. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.model = model;
    b.message = message;
    b.finishReason = finishReason;
    b.usage = usage;
    b.providerData.putAll(providerData);
    return b;
  }

  @Override
  public String toString() {
    return "ChatResponse[id="
        + id
        + ", model="
        + model
        + ", finishReason="
        + finishReason
        + ", usage="
        + usage
        + ", message="
        + message
        + "]";
  }

  /** Builds a {@link ChatResponse}. Not thread-safe. */
  public static final class Builder {
    @Nullable private String id;
    @Nullable private String model;
    @Nullable private ChatMessage message;
    private FinishReason finishReason = FinishReason.STOP;
    private TokenUsage usage = TokenUsage.ZERO;
    private final Map<String, Object> providerData = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the response id. */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /** Sets the model name. */
    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /** Sets the assistant message. */
    public Builder message(ChatMessage message) {
      Objects.requireNonNull(message, "message == null");
      if (!message.role().equals(Role.ASSISTANT)) {
        throw new IllegalArgumentException("a response message must be an assistant message");
      }
      this.message = message;
      return this;
    }

    /** Sets the finish reason; {@link FinishReason#STOP} by default. */
    public Builder finishReason(FinishReason finishReason) {
      this.finishReason = Objects.requireNonNull(finishReason, "finishReason == null");
      return this;
    }

    /** Sets the token usage. */
    public Builder usage(TokenUsage usage) {
      this.usage = Objects.requireNonNull(usage, "usage == null");
      return this;
    }

    /** Adds provider-specific data. */
    public Builder providerData(String key, Object value) {
      providerData.put(
          Objects.requireNonNull(key, "key == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Returns the response.
     *
     * @throws IllegalStateException when no message was set
     */
    public ChatResponse build() {
      if (message == null) {
        throw new IllegalStateException("message is required");
      }
      return new ChatResponse(this);
    }
  }
}
