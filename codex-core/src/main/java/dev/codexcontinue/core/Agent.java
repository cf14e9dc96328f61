package dev.codexcontinue.core;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.memory.SessionKey;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An assistant with session memory, long-term memory, tools and prompts, in front of one {@link
 * dev.codexcontinue.api.Provider}. Each call runs one turn of seven steps (see {@link
 * PipelineStep}); turns of one session run one at a time, turns of different sessions in parallel,
 * at most {@link AgentOptions#maxConcurrentTurns()} at once, the rest waiting in a bounded queue
 * that serves users in turn. Thread-safe. Close it to release what it created (its executor, memory
 * it opened); what the builder was given is borrowed and left open.
 *
 * <pre>{@code
 * try (Agent agent = Agent.builder().provider(provider).build()) {
 *   AgentReply reply = agent.chat(AgentRequest.of("session-1", "What does this stack trace mean?"));
 *   System.out.println(reply.text());
 * }
 * }</pre>
 */
public interface Agent extends AutoCloseable {
  /** Returns a builder. */
  static AgentBuilder builder() {
    return new AgentBuilder();
  }

  /**
   * Runs a turn and waits for the reply.
   *
   * @throws dev.codexcontinue.api.exception.CodexException when the provider fails or the turn is
   *     cancelled; tool failures do not throw, they go back to the model
   */
  AgentReply chat(AgentRequest request);

  /**
   * Runs a turn of the default user without blocking. {@code cancel(true)} on the future stops the
   * model call and the tool loop; the turn then stores nothing.
   */
  CompletableFuture<AgentReply> chatAsync(AgentRequest request);

  /** Streams a turn to {@code listener} and returns at once; cancel the handle to stop it. */
  Cancellable stream(AgentRequest request, AgentStreamListener listener);

  /** Streams a turn as a blocking, closeable iterator of chunks; closing it cancels the turn. */
  ChatStream<AgentReply> stream(AgentRequest request);

  /** Returns the session's messages as session memory holds them, oldest first. */
  List<ChatMessage> history(SessionKey session);

  /** Forgets the session's messages. */
  void clearHistory(SessionKey session);

  /**
   * Fails the turns waiting for a slot and cancels the running ones (both end with {@code
   * CancelledException}), then releases what the agent created: its executor and the memory it
   * opened. Idempotent; later calls throw {@code IllegalStateException}.
   */
  @Override
  void close();
}
