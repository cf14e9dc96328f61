package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.core.AgentListener;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.StepEvent;
import dev.codexcontinue.core.memory.SessionLock;
import dev.codexcontinue.core.trace.SpanKind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps of a turn in order, times each, tells the listeners, reports the turn and each
 * step as spans, and always releases the session lock, whatever happens.
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
    TurnTracer tracer = turn.tracer;
    if (tracer.enabled()) {
      turn.turnSpan =
          tracer.start(tracer.span(turn, SpanKind.TURN, "turn", null).streaming(turn.sink != null));
    }
    try {
      for (Step step : steps) {
        runStep(turn, step);
      }
      AgentReply reply = Objects.requireNonNull(turn.reply, "the return step built no reply");
      tracer.end(turn.turnSpan, end -> end.usage(reply.usage()).stopReason(reply.stopReason()));
      return reply;
    } catch (RuntimeException | Error e) {
      tracer.end(turn.turnSpan, end -> end.usage(turn.usage).error(e));
      throw e;
    } finally {
      SessionLock lock = turn.lock;
      if (lock != null) {
        lock.close();
      }
    }
  }

  private static void runStep(TurnContext turn, Step step) {
    TurnTracer tracer = turn.tracer;
    if (tracer.enabled()) {
      String name = step.kind().name().toLowerCase(Locale.ROOT);
      turn.stepSpan =
          tracer.start(tracer.span(turn, SpanKind.STEP, name, turn.turnSpan).step(step.kind()));
    }
    long start = System.nanoTime();
    String detail;
    try {
      detail = step.run(turn);
    } catch (RuntimeException | Error e) {
      tracer.end(turn.stepSpan, end -> end.error(e));
      throw e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    tracer.end(turn.stepSpan, end -> end.detail(detail));
    turn.stepSpan = null;
    turn.timings.put(step.kind(), took);
    publish(turn, new StepEvent(turn.turnId, turn.session(), step.kind(), took, detail));
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
