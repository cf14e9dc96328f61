package dev.codexcontinue.core;

import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.tool.ToolExecution;

/**
 * Observes an agent's turns: every pipeline step with its duration, and every tool call with its
 * outcome. Called on the turn's thread; implementations must be fast and must not throw (a listener
 * that throws is logged at WARN and skipped).
 */
public interface AgentListener {
  /** Receives a finished pipeline step. */
  default void onStep(StepEvent event) {}

  /** Receives a finished tool call of the turn {@code turnId}. */
  default void onToolExecution(String turnId, SessionKey session, ToolExecution execution) {}
}
