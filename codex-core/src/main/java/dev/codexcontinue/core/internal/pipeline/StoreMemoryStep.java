package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.core.PipelineStep;
import dev.codexcontinue.core.StopReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 6: appends the turn (the user's message as sent, without the memory frame, then every
 * assistant message and tool result) to session memory, and indexes the user's message and a
 * completed answer into long-term memory, tagged with user, session, source and time; then writes
 * the turn to the conversation log, returning once the log's durability policy is met.
 */
final class StoreMemoryStep implements Step {
  @Override
  public PipelineStep kind() {
    return PipelineStep.STORE_MEMORY;
  }

  @Override
  public String run(TurnContext turn) {
    List<ChatMessage> messages = new ArrayList<>(turn.turnMessages.size() + 1);
    messages.add(turn.request.message());
    messages.addAll(turn.turnMessages);
    turn.runtime.sessions().append(turn.session(), messages);
    int remembered = remember(turn);
    int logged = TurnLog.append(turn);
    return "appended=" + messages.size() + " remembered=" + remembered + " logged=" + logged;
  }

  private static int remember(TurnContext turn) {
    MemoryStore store = turn.runtime.longTermOrNull();
    if (store == null || !turn.runtime.options().rememberTurns()) {
      return 0;
    }
    List<MemoryRecord> records = new ArrayList<>(2);
    String question = turn.request.message().text();
    if (worthRemembering(turn, question)) {
      records.add(record(turn, "user", question, VectorMath.messageVector(turn)));
    }
    ChatMessage answer = turn.lastAssistant;
    if (answer != null
        && turn.stopReason == StopReason.COMPLETED
        && worthRemembering(turn, answer.text())) {
      records.add(
          record(turn, "assistant", answer.text(), turn.runtime.embeddings().embed(answer.text())));
    }
    if (!records.isEmpty()) {
      store.add(records);
    }
    return records.size();
  }

  private static boolean worthRemembering(TurnContext turn, String text) {
    return text.strip().length() >= turn.runtime.options().minRememberChars();
  }

  private static MemoryRecord record(TurnContext turn, String role, String text, float[] vector) {
    return MemoryRecord.builder(turn.turnId + "-" + role, text)
        .vector(vector)
        .metadata(MemoryRecord.USER, turn.session().userId())
        .metadata(MemoryRecord.SESSION, turn.session().sessionId())
        .metadata(MemoryRecord.SOURCE, "conversation")
        .metadata(MemoryRecord.TIME, turn.runtime.clock().millis())
        .metadata("role", role)
        .build();
  }
}
