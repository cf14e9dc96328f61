package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.core.log.ConversationLog;
import dev.codexcontinue.core.log.LogRecord;
import dev.codexcontinue.core.tool.ToolExecution;
import java.util.ArrayList;
import java.util.List;

/** Writes a finished turn to the agent's conversation log, as one durable append. */
final class TurnLog {
  private TurnLog() {}

  /** Appends the turn's records; returns how many, 0 when the agent keeps no log. */
  static int append(TurnContext turn) {
    ConversationLog log = turn.runtime.logOrNull();
    if (log == null) {
      return 0;
    }
    List<LogRecord> records = records(turn);
    log.append(records);
    return records.size();
  }

  static List<LogRecord> records(TurnContext turn) {
    String id = turn.turnId;
    var session = turn.session();
    List<LogRecord> records = new ArrayList<>(turn.transcript.size() + 3);
    records.add(new LogRecord.TurnStarted(id, session, turn.startTime, turn.request.message()));
    for (Object event : turn.transcript) {
      if (event instanceof ChatResponse r) {
        records.add(
            new LogRecord.ModelResponded(
                id,
                session,
                r.message(),
                r.usage(),
                r.finishReason(),
                r.id().orElse(""),
                r.model().orElse("")));
      } else if (event instanceof ToolExecution e) {
        records.add(
            new LogRecord.ToolExecuted(
                id,
                session,
                e.call(),
                e.outcome(),
                e.result().isError(),
                e.result().content(),
                e.duration()));
      }
    }
    records.add(new LogRecord.TurnStopped(id, session, turn.stopReason));
    records.add(
        new LogRecord.TurnEnded(
            id, session, turn.runtime.clock().instant(), turn.usage, turn.modelCalls));
    return records;
  }
}
