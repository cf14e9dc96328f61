package dev.codexcontinue.core;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.exception.CodexException;

/**
 * Receives a streamed agent turn: text, reasoning and tool-call chunks from each model call, a
 * {@link ChatChunk.ToolOutcome} after each tool runs, then exactly one of {@link #onComplete} or
 * {@link #onError}. Calls are serial and nothing follows the terminal call; implementations must be
 * fast and must not throw (if {@code onChunk} throws, the turn is cancelled and {@code onError}
 * reports it).
 */
public interface AgentStreamListener {
  /** Receives the next chunk. */
  void onChunk(ChatChunk chunk);

  /** Receives the finished turn. Terminal. */
  void onComplete(AgentReply reply);

  /** Receives the failure; a cancelled turn ends with a {@code CancelledException}. Terminal. */
  void onError(CodexException error);
}
