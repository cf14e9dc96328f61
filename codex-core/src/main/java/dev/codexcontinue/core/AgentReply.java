package dev.codexcontinue.core;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.tool.ToolExecution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The outcome of one agent turn: the answer, every tool call made, the memories used, the tokens
 * spent over all model calls, why the loop stopped, and how long each step took. Immutable.
 */
public final class AgentReply {
  private final String turnId;
  private final SessionKey session;
  private final ChatMessage message;
  private final List<ChatMessage> turnMessages;
  private final List<ToolExecution> toolExecutions;
  private final List<MemoryMatch> memories;
  private final TokenUsage usage;
  private final StopReason stopReason;
  private final FinishReason finishReason;
  private final int modelCalls;
  private final Map<PipelineStep, Duration> timings;

  private AgentReply(Builder b) {
    this.turnId = Objects.requireNonNull(b.turnId, "turnId");
    this.session = Objects.requireNonNull(b.session, "session");
    this.message = Objects.requireNonNull(b.message, "message");
    this.turnMessages = List.copyOf(b.turnMessages);
    this.toolExecutions = List.copyOf(b.toolExecutions);
    this.memories = List.copyOf(b.memories);
    this.usage = b.usage;
    this.stopReason = b.stopReason;
    this.finishReason = b.finishReason;
    this.modelCalls = b.modelCalls;
    EnumMap<PipelineStep, Duration> copy = new EnumMap<>(PipelineStep.class);
    copy.putAll(b.timings);
    this.timings = Collections.unmodifiableMap(copy);
  }

  /** Returns a builder for the reply of turn {@code turnId} in {@code session}. */
  public static Builder builder(String turnId, SessionKey session) {
    return new Builder(turnId, session);
  }

  /** Returns the turn's id. */
  public String turnId() {
    return turnId;
  }

  /** Returns the conversation. */
  public SessionKey session() {
    return session;
  }

  /** Returns the answer's text; empty when a budget stopped the loop before an answer. */
  public String text() {
    return message.text();
  }

  /** Returns the model's last message. */
  public ChatMessage message() {
    return message;
  }

  /** Returns every message the turn added after the user's: assistant messages and tool results. */
  public List<ChatMessage> turnMessages() {
    return turnMessages;
  }

  /** Returns the tool calls of the turn with their outcomes, in order. */
  public List<ToolExecution> toolExecutions() {
    return toolExecutions;
  }

  /** Returns the long-term memories put in the prompt. */
  public List<MemoryMatch> memories() {
    return memories;
  }

  /** Returns the tokens of every model call of the turn, summed. */
  public TokenUsage usage() {
    return usage;
  }

  /** Returns why the tool loop stopped. */
  public StopReason stopReason() {
    return stopReason;
  }

  /** Returns why the last model call stopped. */
  public FinishReason finishReason() {
    return finishReason;
  }

  /** Returns how many times the model was called. */
  public int modelCalls() {
    return modelCalls;
  }

  /**
   * Returns how long each step took, from {@link PipelineStep#RECEIVE} to {@link
   * PipelineStep#STORE_MEMORY}; listeners also receive the {@link PipelineStep#RETURN} step.
   */
  public Map<PipelineStep, Duration> timings() {
    return timings;
  }

  @Override
  public String toString() {
    return "AgentReply[turn="
        + turnId
        + ", stop="
        + stopReason
        + ", tools="
        + toolExecutions.size()
        + ", usage="
        + usage
        + "]";
  }

  /** Builds an {@link AgentReply}. Not thread-safe. */
  public static final class Builder {
    private final String turnId;
    private final SessionKey session;
    @Nullable private ChatMessage message;
    private final List<ChatMessage> turnMessages = new ArrayList<>();
    private final List<ToolExecution> toolExecutions = new ArrayList<>();
    private final List<MemoryMatch> memories = new ArrayList<>();
    private TokenUsage usage = TokenUsage.ZERO;
    private StopReason stopReason = StopReason.COMPLETED;
    private FinishReason finishReason = FinishReason.STOP;
    private int modelCalls;
    private final Map<PipelineStep, Duration> timings = new EnumMap<>(PipelineStep.class);

    private Builder(String turnId, SessionKey session) {
      this.turnId = Objects.requireNonNull(turnId, "turnId == null");
      this.session = Objects.requireNonNull(session, "session == null");
    }

    /** Sets the model's last message. */
    public Builder message(ChatMessage message) {
      this.message = Objects.requireNonNull(message, "message == null");
      return this;
    }

    /** Sets the messages the turn added. */
    public Builder turnMessages(List<ChatMessage> messages) {
      turnMessages.clear();
      turnMessages.addAll(messages);
      return this;
    }

    /** Sets the tool executions. */
    public Builder toolExecutions(List<ToolExecution> executions) {
      toolExecutions.clear();
      toolExecutions.addAll(executions);
      return this;
    }

    /** Sets the memories used. */
    public Builder memories(List<MemoryMatch> matches) {
      memories.clear();
      memories.addAll(matches);
      return this;
    }

    /** Sets the summed usage. */
    public Builder usage(TokenUsage usage) {
      this.usage = Objects.requireNonNull(usage, "usage == null");
      return this;
    }

    /** Sets the stop reason. */
    public Builder stopReason(StopReason stopReason) {
      this.stopReason = Objects.requireNonNull(stopReason, "stopReason == null");
      return this;
    }

    /** Sets the last finish reason. */
    public Builder finishReason(FinishReason finishReason) {
      this.finishReason = Objects.requireNonNull(finishReason, "finishReason == null");
      return this;
    }

    /** Sets the number of model calls. */
    public Builder modelCalls(int modelCalls) {
      this.modelCalls = modelCalls;
      return this;
    }

    /** Sets the step timings. */
    public Builder timings(Map<PipelineStep, Duration> stepTimings) {
      timings.clear();
      timings.putAll(stepTimings);
      return this;
    }

    /**
     * Returns the reply.
     *
     * @throws IllegalStateException when no message was set
     */
    public AgentReply build() {
      if (message == null) {
        throw new IllegalStateException("message is required");
      }
      return new AgentReply(this);
    }
  }
}
