package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.PipelineStep;

/** Step 7: assembles the reply from what the turn did. */
final class ReturnStep implements Step {
  @Override
  public PipelineStep kind() {
    return PipelineStep.RETURN;
  }

  @Override
  public String run(TurnContext turn) {
    ChatMessage last = turn.lastAssistant;
    turn.reply =
        AgentReply.builder(turn.turnId, turn.session())
            .message(last != null ? last : ChatMessage.assistant(""))
            .turnMessages(turn.turnMessages)
            .toolExecutions(turn.executions)
            .memories(turn.memories)
            .usage(turn.usage)
            .stopReason(turn.stopReason)
            .finishReason(turn.finishReason)
            .modelCalls(turn.modelCalls)
            .timings(turn.timings)
            .build();
    return "stop=" + turn.stopReason + " tokens=" + turn.usage.totalTokens();
  }
}
