package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.memory.MetadataFilter;
import dev.codexcontinue.core.PipelineStep;
import java.util.List;

/**
 * Step 2: reads the session's recent messages and searches long-term memory for the ones most
 * similar to the message. Memories are always restricted to the requesting user.
 */
final class RetrieveMemoryStep implements Step {
  @Override
  public PipelineStep kind() {
    return PipelineStep.RETRIEVE_MEMORY;
  }

  @Override
  public String run(TurnContext turn) {
    turn.history = turn.runtime.sessions().messages(turn.session());
    String text = turn.request.message().text();
    int topK = turn.runtime.options().memoryTopK();
    MemoryStore store = turn.runtime.longTermOrNull();
    if (store == null || topK == 0 || text.isBlank()) {
      return "history=" + turn.history.size() + " memories=0";
    }
    float[] vector = VectorMath.messageVector(turn);
    MetadataFilter own = MetadataFilter.eq(MemoryRecord.USER, turn.session().userId());
    MetadataFilter filter =
        turn.request.memoryFilter().map(extra -> MetadataFilter.and(own, extra)).orElse(own);
    List<MemoryMatch> matches =
        store.search(
            MemoryQuery.byVector(vector)
                .topK(topK)
                .filter(filter)
                .minScore(turn.runtime.options().memoryMinScore())
                .build());
    turn.memories = List.copyOf(matches);
    return "history=" + turn.history.size() + " memories=" + matches.size();
  }
}
