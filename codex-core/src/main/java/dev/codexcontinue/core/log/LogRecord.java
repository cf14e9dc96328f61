package dev.codexcontinue.core.log;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.annotation.Experimental;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.StopReason;
import dev.codexcontinue.core.tool.ToolExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One record of a conversation log. A turn is written as {@link TurnStarted}, then every {@link
 * ModelResponded} and {@link ToolExecuted} in order, then {@link TurnStopped} and {@link
 * TurnEnded}. Every record names its turn and conversation.
 */
@Experimental
public sealed interface LogRecord
    permits LogRecord.TurnStarted,
        LogRecord.ModelResponded,
        LogRecord.ToolExecuted,
        LogRecord.TurnStopped,
        LogRecord.TurnEnded {
  /** Returns the turn's id. */
  String turnId();

  /** Returns the conversation. */
  SessionKey session();

  /**
   * A turn began with the user's message.
   *
   * @param turnId the turn
   * @param session the conversation
   * @param time when the turn began
   * @param message the user's message as sent, without memory context
   */
  record TurnStarted(String turnId, SessionKey session, Instant time, ChatMessage message)
      implements LogRecord {
    /** Checks the components. */
    public TurnStarted {
      Objects.requireNonNull(turnId, "turnId == null");
      Objects.requireNonNull(session, "session == null");
      Objects.requireNonNull(time, "time == null");
      Objects.requireNonNull(message, "message == null");
    }
  }

  /**
   * The model answered one call of the turn.
   *
   * @param turnId the turn
   * @param session the conversation
   * @param message the assistant message, tool calls included
   * @param usage the tokens of this call
   * @param finishReason why the model stopped
   * @param responseId the provider's response id; empty when it sent none
   * @param model the model that answered; empty when the provider did not say
   */
  record ModelResponded(
      String turnId,
      SessionKey session,
      ChatMessage message,
      TokenUsage usage,
      FinishReason finishReason,
      String responseId,
      String model)
      implements LogRecord {
    /** Checks the components. */
    public ModelResponded {
      Objects.requireNonNull(turnId, "turnId == null");
      Objects.requireNonNull(session, "session == null");
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(usage, "usage == null");
      Objects.requireNonNull(finishReason, "finishReason == null");
      Objects.requireNonNull(responseId, "responseId == null");
      Objects.requireNonNull(model, "model == null");
    }
  }

  /**
   * A tool call of the turn ended.
   *
   * @param turnId the turn
   * @param session the conversation
   * @param call the call as the model made it
   * @param outcome how it ended
   * @param error whether the result is an error
   * @param content the result sent back to the model (already sanitised, capped and masked)
   * @param duration how long it took
   */
  record ToolExecuted(
      String turnId,
      SessionKey session,
      ToolCall call,
      ToolExecution.Outcome outcome,
      boolean error,
      String content,
      Duration duration)
      implements LogRecord {
    /** Checks the components. */
    public ToolExecuted {
      Objects.requireNonNull(turnId, "turnId == null");
      Objects.requireNonNull(session, "session == null");
      Objects.requireNonNull(call, "call == null");
      Objects.requireNonNull(outcome, "outcome == null");
      Objects.requireNonNull(content, "content == null");
      Objects.requireNonNull(duration, "duration == null");
    }
  }

  /**
   * Why the turn's tool loop stopped.
   *
   * @param turnId the turn
   * @param session the conversation
   * @param reason the stop reason
   */
  record TurnStopped(String turnId, SessionKey session, StopReason reason) implements LogRecord {
    /** Checks the components. */
    public TurnStopped {
      Objects.requireNonNull(turnId, "turnId == null");
      Objects.requireNonNull(session, "session == null");
      Objects.requireNonNull(reason, "reason == null");
    }
  }

  /**
   * The turn ended.
   *
   * @param turnId the turn
   * @param session the conversation
   * @param time when it ended
   * @param usage the tokens of every model call of the turn
   * @param modelCalls how many times the model was called
   */
  record TurnEnded(
      String turnId, SessionKey session, Instant time, TokenUsage usage, int modelCalls)
      implements LogRecord {
    /** Checks the components. */
    public TurnEnded {
      Objects.requireNonNull(turnId, "turnId == null");
      Objects.requireNonNull(session, "session == null");
      Objects.requireNonNull(time, "time == null");
      Objects.requireNonNull(usage, "usage == null");
      if (modelCalls < 0) {
        throw new IllegalArgumentException("modelCalls < 0");
      }
    }
  }
}
