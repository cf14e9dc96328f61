package dev.codexcontinue.cli.agents;

import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolResult;

/**
 * Receives a streamed agent turn as it happens: the answer's text in pieces, and each tool call
 * with its result. Called on the thread that runs the turn; implementations should be quick.
 */
public interface TurnListener {
  /** A listener that ignores everything. */
  TurnListener NONE = text -> {};

  /** Receives the next piece of the answer. */
  void onText(String text);

  /** Receives a tool call that ran (or was refused) and its result. */
  default void onToolResult(ToolCall call, ToolResult result) {}
}
