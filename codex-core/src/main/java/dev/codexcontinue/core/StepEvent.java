package dev.codexcontinue.core;

import dev.codexcontinue.api.memory.SessionKey;
import java.time.Duration;
import java.util.Objects;

/**
 * One pipeline step finished.
 *
 * @param turnId the turn's id, shared by the events of one turn
 * @param session the conversation
 * @param step the step
 * @param duration how long the step took
 * @param detail a short, content-free summary (counts, ids), e.g. {@code memories=3}
 */
public record StepEvent(
    String turnId, SessionKey session, PipelineStep step, Duration duration, String detail) {
  /** Checks the components. */
  public StepEvent {
    Objects.requireNonNull(turnId, "turnId == null");
    Objects.requireNonNull(session, "session == null");
    Objects.requireNonNull(step, "step == null");
    Objects.requireNonNull(duration, "duration == null");
    Objects.requireNonNull(detail, "detail == null");
  }
}
