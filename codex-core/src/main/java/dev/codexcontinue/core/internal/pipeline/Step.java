package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.core.PipelineStep;

/** One step of a turn. */
interface Step {
  /** Returns which step this is. */
  PipelineStep kind();

  /**
   * Runs the step on the turn and returns a short, content-free detail for the step event (counts
   * and sizes, never message text).
   */
  String run(TurnContext turn);
}
