package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.core.AgentListener;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.StepEvent;
import dev.codexcontinue.core.memory.SessionLock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps of a turn in order, times each, tells the listeners, and always releases the
 * session lock, whatever happens.
 */
final class Pipeline {
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

  private final List<Step> steps;

  Pipeline(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** Returns the standard seven steps around the given model invoker. */
  static Pipeline standard(MatchToolsStep matchTools, ModelInvoker invoker) {
    return new Pipeline(
        List.of(
            new ReceiveStep(),
            new RetrieveMemoryStep(),
            matchTools,
            new ConstructPromptStep(),
            new CallModelStep(invoker),
            new StoreMemoryStep(),
            new ReturnStep()));
  }

  AgentReply run(TurnContext turn) {
    try {
      for (Step step : steps) {
        long start = System.nanoTime();
        String detail = step.run(turn);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        turn.timings.put(step.kind(), took);
        publish(turn, new StepEvent(turn.turnId, turn.session(), step.kind(), took, detail));
      }
      return Objects.requireNonNull(turn.reply, "the return step built no reply");
    } finally {
      SessionLock lock = turn.lock;
      if (lock != null) {
        lock.close();
      }
    }
  }

  private static void publish(TurnContext turn, StepEvent event) {
    log.debug(
        "turn {} {} in {} ms: {}",
        event.turnId(),
        event.step(),
        event.duration().toMillis(),
        event.detail());
    for (AgentListener listener : turn.runtime.listeners()) {
      try {
        listener.onStep(event);
      } catch (RuntimeException e) {
        log.warn("an agent listener threw from onStep; skipped", e);
      }
    }
  }
}
