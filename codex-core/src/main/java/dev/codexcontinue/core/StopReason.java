package dev.codexcontinue.core;

/** Why an agent turn's tool loop stopped. */
public enum StopReason {
  /** The model answered without asking for more tool calls. */
  COMPLETED,
  /** The loop reached the maximum number of model calls. */
  MAX_ITERATIONS,
  /** The next tool calls would have exceeded the maximum number of tool calls. */
  MAX_TOOL_CALLS,
  /** The model asked for the same tool with the same arguments too many times. */
  REPEATED_CALL,
  /** The turn ran out of wall-clock time. */
  WALL_CLOCK,
  /** The turn used up its token budget. */
  TOKEN_BUDGET
}
