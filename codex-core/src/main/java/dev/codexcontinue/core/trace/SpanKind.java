package dev.codexcontinue.core.trace;

/** What a span measures. */
public enum SpanKind {
  /** One agent turn, from receiving the message to the reply. */
  TURN,
  /** One pipeline step of a turn. */
  STEP,
  /** One call to the model, streamed or not, including a wait for the rate limiter. */
  MODEL_CALL,
  /** One tool call, from receiving it to its result, approval included. */
  TOOL_CALL
}
