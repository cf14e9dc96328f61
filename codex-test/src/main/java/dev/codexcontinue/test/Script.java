package dev.codexcontinue.test;

import dev.codexcontinue.api.exception.CodexException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The steps of a script, handed out one per call. */
final class Script {
  private final List<ScriptStep> steps;
  private final boolean repeatLast;
  private int next;

  Script(List<ScriptStep> steps, boolean repeatLast) {
    this.steps = new ArrayList<>(steps);
    this.repeatLast = repeatLast;
  }

  synchronized ScriptStep next() {
    if (next < steps.size()) {
      return steps.get(next++);
    }
    if (repeatLast && !steps.isEmpty()) {
      return steps.get(steps.size() - 1);
    }
    return new ScriptStep.Fail(
        new CodexException(
            "the script has no step for call " + (next + 1) + " (it has " + steps.size() + ")"),
        List.of(),
        Duration.ZERO);
  }

  synchronized int remaining() {
    return steps.size() - Math.min(next, steps.size());
  }
}
