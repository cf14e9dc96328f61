package dev.codexcontinue.core;

import dev.codexcontinue.api.ChatChunk;
import java.util.Iterator;

/**
 * A chat stream consumed by pulling: iterate the chunks as they arrive, then read the {@link
 * #result()}. Closing it cancels the stream if it is still running, so use try-with-resources.
 * Single use and not thread-safe: one consumer thread.
 *
 * <pre>{@code
 * try (ChatStream<AgentReply> stream = agent.stream(AgentRequest.of("s1", "explain this diff"))) {
 *   stream.forEach(chunk -> System.out.print(chunk.text()));
 *   AgentReply reply = stream.result();
 * }
 * }</pre>
 *
 * @param <R> the final result: {@code ChatResponse} for providers, {@link AgentReply} for agents
 */
public interface ChatStream<R> extends Iterable<ChatChunk>, AutoCloseable {
  /**
   * Returns the iterator over the chunks; callable once. {@code hasNext()} blocks until the next
   * chunk or the end, and throws the stream's failure as a {@link
   * dev.codexcontinue.api.exception.CodexException}.
   *
   * @throws IllegalStateException when called a second time
   */
  @Override
  Iterator<ChatChunk> iterator();

  /**
   * Waits for the end of the stream (skipping chunks not yet read) and returns its result.
   *
   * @throws dev.codexcontinue.api.exception.CodexException the stream's failure
   */
  R result();

  /** Cancels the stream if it is still running. Idempotent. */
  @Override
  void close();
}
