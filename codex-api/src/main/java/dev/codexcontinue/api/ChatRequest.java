package dev.codexcontinue.api;

import dev.codexcontinue.api.internal.JsonValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javax.annotation.Nullable;

/**
 * A chat call: the messages, the tools on offer, and the sampling options. Options left unset are
 * not sent, so the provider's defaults apply. Immutable.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *     .model("gpt-4o-mini")
 *     .addMessage(ChatMessage.user("Summarise this file"))
 *     .temperature(0.2)
 *     .build();
 * }</pre>
 */
public final class ChatRequest {
  @Nullable private final String model;
  private final List<ChatMessage> messages;
  private final List<ToolSpec> tools;
  @Nullable private final ToolChoice toolChoice;
  @Nullable private final Boolean parallelToolCalls;
  @Nullable private final Double temperature;
  @Nullable private final Double topP;
  @Nullable private final Integer maxOutputTokens;
  private final List<String> stop;
  @Nullable private final Long seed;
  @Nullable private final String user;
  private final ResponseFormat responseFormat;
  @Nullable private final String reasoningEffort;
  @Nullable private final Integer topLogprobs;
  @Nullable private final Duration timeout;
  private final Map<String, Object> providerOptions;

  private ChatRequest(Builder b) {
    this.model = b.model;
    this.messages = List.copyOf(b.messages);
    this.tools = List.copyOf(b.tools);
    this.toolChoice = b.toolChoice;
    this.parallelToolCalls = b.parallelToolCalls;
    this.temperature = b.temperature;
    this.topP = b.topP;
    this.maxOutputTokens = b.maxOutputTokens;
    this.stop = List.copyOf(b.stop);
    this.seed = b.seed;
    this.user = b.user;
    this.responseFormat = b.responseFormat;
    this.reasoningEffort = b.reasoningEffort;
    this.topLogprobs = b.topLogprobs;
    this.timeout = b.timeout;
    this.providerOptions = JsonValues.copyOf(b.providerOptions, "providerOptions");
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a request of one user message. */
  public static ChatRequest of(String userText) {
    return builder().addMessage(ChatMessage.user(userText)).build();
  }

  /** Returns the model; empty means the provider's configured default. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** Returns the messages, oldest first. Never empty. */
  public List<ChatMessage> messages() {
    return messages;
  }

  /** Returns the tools on offer. */
  public List<ToolSpec> tools() {
    return tools;
  }

  /** Returns the tool choice; empty means the provider's default. */
  public Optional<ToolChoice> toolChoice() {
    return Optional.ofNullable(toolChoice);
  }

  /** Returns whether the model may ask for several tool calls at once. */
  public Optional<Boolean> parallelToolCalls() {
    return Optional.ofNullable(parallelToolCalls);
  }

  /** Returns the sampling temperature. */
  public OptionalDouble temperature() {
    return temperature == null ? OptionalDouble.empty() : OptionalDouble.of(temperature);
  }

  /** Returns the nucleus-sampling probability mass. */
  public OptionalDouble topP() {
    return topP == null ? OptionalDouble.empty() : OptionalDouble.of(topP);
  }

  /** Returns the maximum number of tokens to generate. */
  public OptionalInt maxOutputTokens() {
    return maxOutputTokens == null ? OptionalInt.empty() : OptionalInt.of(maxOutputTokens);
  }

  /** Returns the stop sequences. */
  public List<String> stop() {
    return stop;
  }

  /** Returns the sampling seed, for reproducible output where the provider supports it. */
  public OptionalLong seed() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  /** Returns the end-user id passed to the provider for abuse monitoring. */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /** Returns the required shape of the answer; {@link ResponseFormat#TEXT} by default. */
  public ResponseFormat responseFormat() {
    return responseFormat;
  }

  /**
   * Returns the reasoning effort ({@code low}, {@code medium}, {@code high}) for reasoning models.
   */
  public Optional<String> reasoningEffort() {
    return Optional.ofNullable(reasoningEffort);
  }

  /** Returns how many top log-probabilities per token to return; empty means none. */
  public OptionalInt topLogprobs() {
    return topLogprobs == null ? OptionalInt.empty() : OptionalInt.of(topLogprobs);
  }

  /** Returns the per-call timeout, overriding the provider's. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Returns provider-specific options, sent as they are (for example Ollama's {@code num_ctx} or
   * {@code keep_alive}). Values are strings, numbers, booleans, lists and maps.
   */
  public Map<String, Object> providerOptions() {
    return providerOptions;
  }

  /** Returns a builder pre-filled with this request. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.model = model;
    b.messages.addAll(messages);
    b.tools.addAll(tools);
    b.toolChoice = toolChoice;
    b.parallelToolCalls = parallelToolCalls;
    b.temperature = temperature;
    b.topP = topP;
    b.maxOutputTokens = maxOutputTokens;
    b.stop.addAll(stop);
    b.seed = seed;
    b.user = user;
    b.responseFormat = responseFormat;
    b.reasoningEffort = reasoningEffort;
    b.topLogprobs = topLogprobs;
    b.timeout = timeout;
    b.providerOptions.putAll(providerOptions);
    return b;
  }

  /** Shows the model, counts and options, never message content. */
  @Override
  public String toString() {
    return "ChatRequest[model="
        + (model == null ? "<default>" : model)
        + ", messages="
        + messages.size()
        + ", tools="
        + tools.stream().map(ToolSpec::name).toList()
        + "]";
  }

  /** Builds a {@link ChatRequest}. Not thread-safe. */
  public static final class Builder {
    @Nullable private String model;
    private final List<ChatMessage> messages = new ArrayList<>();
    private final List<ToolSpec> tools = new ArrayList<>();
    @Nullable private ToolChoice toolChoice;
    @Nullable private Boolean parallelToolCalls;
    @Nullable private Double temperature;
    @Nullable private Double topP;
    @Nullable private Integer maxOutputTokens;
    private final List<String> stop = new ArrayList<>();
    @Nullable private Long seed;
    @Nullable private String user;
    private ResponseFormat responseFormat = ResponseFormat.TEXT;
    @Nullable private String reasoningEffort;
    @Nullable private Integer topLogprobs;
    @Nullable private Duration timeout;
    private final Map<String, Object> providerOptions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the model (or deployment, for Azure). */
    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /** Replaces the messages. */
    public Builder messages(List<ChatMessage> messages) {
      Objects.requireNonNull(messages, "messages == null");
      this.messages.clear();
      messages.forEach(this::addMessage);
      return this;
    }

    /** Appends a message. */
    public Builder addMessage(ChatMessage message) {
      messages.add(Objects.requireNonNull(message, "message == null"));
      return this;
    }

    /** Replaces the tools. */
    public Builder tools(List<ToolSpec> tools) {
      Objects.requireNonNull(tools, "tools == null");
      this.tools.clear();
      tools.forEach(this::addTool);
      return this;
    }

    /** Appends a tool. */
    public Builder addTool(ToolSpec tool) {
      tools.add(Objects.requireNonNull(tool, "tool == null"));
      return this;
    }

    /** Sets the tool choice. */
    public Builder toolChoice(ToolChoice toolChoice) {
      this.toolChoice = Objects.requireNonNull(toolChoice, "toolChoice == null");
      return this;
    }

    /** Sets whether several tool calls may come at once. */
    public Builder parallelToolCalls(boolean parallel) {
      this.parallelToolCalls = parallel;
      return this;
    }

    /** Sets the temperature, 0 to 2. */
    public Builder temperature(double temperature) {
      if (!(temperature >= 0 && temperature <= 2)) {
        throw new IllegalArgumentException("temperature must be in [0, 2], was " + temperature);
      }
      this.temperature = temperature;
      return this;
    }

    /** Sets top-p, in (0, 1]. */
    public Builder topP(double topP) {
      if (!(topP > 0 && topP <= 1)) {
        throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
      }
      this.topP = topP;
      return this;
    }

    /** Sets the maximum number of output tokens. */
    public Builder maxOutputTokens(int maxOutputTokens) {
      if (maxOutputTokens <= 0) {
        throw new IllegalArgumentException("maxOutputTokens must be > 0");
      }
      this.maxOutputTokens = maxOutputTokens;
      return this;
    }

    /** Replaces the stop sequences. */
    public Builder stop(List<String> stop) {
      Objects.requireNonNull(stop, "stop == null");
      this.stop.clear();
      for (String s : stop) {
        this.stop.add(Objects.requireNonNull(s, "stop sequence == null"));
      }
      return this;
    }

    /** Sets the seed. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets the end-user id. */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user == null");
      return this;
    }

    /** Sets the response format. */
    public Builder responseFormat(ResponseFormat responseFormat) {
      this.responseFormat = Objects.requireNonNull(responseFormat, "responseFormat == null");
      return this;
    }

    /** Sets the reasoning effort of reasoning models. */
    public Builder reasoningEffort(String effort) {
      this.reasoningEffort = Objects.requireNonNull(effort, "effort == null");
      return this;
    }

    /** Asks for log-probabilities with {@code n} (0 to 20) alternatives per token. */
    public Builder topLogprobs(int n) {
      if (n < 0 || n > 20) {
        throw new IllegalArgumentException("topLogprobs must be in [0, 20]");
      }
      this.topLogprobs = n;
      return this;
    }

    /** Sets the per-call timeout. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /** Sets a provider-specific option, sent as it is. */
    public Builder providerOption(String name, Object value) {
      providerOptions.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Returns the request.
     *
     * @throws IllegalStateException when there is no message, or the tool choice names a tool that
     *     is not on offer
     */
    public ChatRequest build() {
      if (messages.isEmpty()) {
        throw new IllegalStateException("a chat request needs at least one message");
      }
      if (toolChoice != null && toolChoice.toolName().isPresent()) {
        String forced = toolChoice.toolName().get();
        if (tools.stream().noneMatch(t -> t.name().equals(forced))) {
          throw new IllegalStateException("tool choice names '" + forced + "', not on offer");
        }
      }
      return new ChatRequest(this);
    }
  }
}
