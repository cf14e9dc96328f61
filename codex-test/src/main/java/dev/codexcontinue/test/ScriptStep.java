package dev.codexcontinue.test;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.exception.CodexException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** One scripted answer of a {@link ScriptedProvider}: what the next call gets. */
sealed interface ScriptStep {
  /** How long to wait before answering. */
  Duration delay();

  /**
   * Answers with a response computed from the request; streamed as chunks.
   *
   * @param responder builds the response
   * @param delay the wait before answering
   */
  record Respond(Function<ChatRequest, ChatResponse> responder, Duration delay)
      implements ScriptStep {}

  /**
   * Fails, after streaming {@code chunksFirst} when the call streams.
   *
   * @param error the failure
   * @param chunksFirst chunks a stream delivers before failing
   * @param delay the wait before answering
   */
  record Fail(CodexException error, List<ChatChunk> chunksFirst, Duration delay)
      implements ScriptStep {}

  /**
   * Streams {@code chunksFirst} (when streaming), then never answers until cancelled.
   *
   * @param chunksFirst chunks delivered before the stall
   * @param delay the wait before the chunks
   */
  record Stall(List<ChatChunk> chunksFirst, Duration delay) implements ScriptStep {}
}
