package dev.codexcontinue.core.log;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.StopReason;
import dev.codexcontinue.core.tool.ToolExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Records of a whole turn, for log tests. */
final class LogRecords {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private LogRecords() {}

  /** Returns a turn of five records: start, a tool-calling response, the tool, stop, end. */
  static List<LogRecord> turn(String turnId, SessionKey session, String text) {
    ToolCall call = ToolCall.of("call_1", "lookup", "{\"q\":\"" + text + "\"}");
    return List.of(
        new LogRecord.TurnStarted(turnId, session, T0, ChatMessage.user(text)),
        new LogRecord.ModelResponded(
            turnId,
            session,
            ChatMessage.builder(dev.codexcontinue.api.Role.ASSISTANT).addToolCall(call).build(),
            new TokenUsage(12, 3),
            FinishReason.TOOL_CALLS,
            "resp-1",
            "gpt-test"),
        new LogRecord.ToolExecuted(
            turnId,
            session,
            call,
            ToolExecution.Outcome.EXECUTED,
            false,
            "found " + text,
            Duration.ofMillis(7)),
        new LogRecord.TurnStopped(turnId, session, StopReason.COMPLETED),
        new LogRecord.TurnEnded(turnId, session, T0.plusSeconds(2), new TokenUsage(20, 9), 2));
  }

  /** Returns one small record carrying {@code text}. */
  static LogRecord start(String text) {
    return new LogRecord.TurnStarted(
        "t-" + text, SessionKey.of("u", "s"), T0, ChatMessage.user(text));
  }
}
