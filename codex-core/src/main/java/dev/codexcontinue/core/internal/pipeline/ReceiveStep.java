package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.core.PipelineStep;

/**
 * Step 1: checks that the message fits the prompt budget at all, then takes the session's lock so
 * that turns of one session run one at a time (the wait shows in this step's duration).
 */
final class ReceiveStep implements Step {
  @Override
  public PipelineStep kind() {
    return PipelineStep.RECEIVE;
  }

  @Override
  public String run(TurnContext turn) {
    turn.cancellation.throwIfCancelled();
    int tokens = turn.runtime.tokenCounter().count(turn.request.message());
    int budget = turn.runtime.options().promptTokenBudget();
    if (tokens > budget) {
      throw new IllegalArgumentException(
          "the message is about " + tokens + " tokens, over the prompt budget of " + budget);
    }
    turn.lock = turn.runtime.sessions().lock(turn.session());
    return "tokens=" + tokens;
  }
}
