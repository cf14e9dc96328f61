package dev.codexcontinue.examples.streaming;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.AgentStreamListener;
import dev.codexcontinue.core.ChatStream;
import dev.codexcontinue.examples.ExampleProviders;
import dev.codexcontinue.test.ScriptedProvider;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Streams an agent's answer the two ways the SDK offers. First by pulling: a {@link ChatStream}
 * iterated in try-with-resources, each text delta printed as it arrives. Then by push: an {@link
 * AgentStreamListener} receives the deltas while the caller cancels the turn after a few of them;
 * the listener then gets exactly one terminal call, a {@link CancelledException}, and the cancelled
 * turn leaves nothing in session memory.
 */
public final class StreamingExample {
  static final String SESSION = "streaming";
  static final String ANSWER =
      "A ChatStream hands you each piece of the answer as the model writes it, so a terminal or an"
          + " editor can show text at once instead of waiting for the whole reply.";
  static final int DELTAS_BEFORE_CANCEL = 3;

  private StreamingExample() {}

  /** Runs the example on the configured provider, or offline. */
  public static void main(String[] args) throws InterruptedException {
    run(Settings.fromEnvironment(), System.out);
  }

  /** Runs both streams, printing to {@code out}; returns the reply of the first. */
  public static AgentReply run(Settings settings, PrintStream out) throws InterruptedException {
    try (Provider model =
            ExampleProviders.configuredOr(
                settings,
                out,
                "a scripted model streaming 4 characters every 15 ms",
                StreamingExample::offline);
        Agent agent = Agent.builder().provider(model).build()) {
      AgentReply reply = pull(agent, out);
      push(agent, out);
      out.println("session memory: " + agent.history(reply.session()).size() + " messages");
      return reply;
    }
  }

  /** Pulls the deltas; leaving the try block early would cancel the turn. */
  static AgentReply pull(Agent agent, PrintStream out) {
    out.print("assistant: ");
    int deltas = 0;
    try (ChatStream<AgentReply> stream =
        agent.stream(AgentRequest.of(SESSION, "Why would I stream an answer?"))) {
      for (ChatChunk chunk : stream) {
        if (chunk instanceof ChatChunk.TextDelta delta) {
          out.print(delta.text());
          out.flush();
          deltas++;
        }
      }
      AgentReply reply = stream.result();
      out.println();
      out.println("  " + deltas + " deltas, stop: " + reply.stopReason());
      return reply;
    }
  }

  /** Listens to the deltas and cancels the turn after {@link #DELTAS_BEFORE_CANCEL} of them. */
  static void push(Agent agent, PrintStream out) throws InterruptedException {
    CountDownLatch enough = new CountDownLatch(DELTAS_BEFORE_CANCEL);
    CompletableFuture<String> ending = new CompletableFuture<>();
    StringBuilder seen = new StringBuilder();
    out.print("assistant (cancelled after " + DELTAS_BEFORE_CANCEL + " deltas): ");
    Cancellable turn =
        agent.stream(
            AgentRequest.of(SESSION, "Tell me again, slowly."),
            new AgentStreamListener() {
              @Override
              public void onChunk(ChatChunk chunk) {
                if (chunk instanceof ChatChunk.TextDelta delta && enough.getCount() > 0) {
                  seen.append(delta.text());
                  enough.countDown();
                }
              }

              @Override
              public void onComplete(AgentReply reply) {
                ending.complete("completed before the cancel: " + reply.stopReason());
                release(enough);
              }

              @Override
              public void onError(CodexException error) {
                ending.complete(
                    error instanceof CancelledException
                        ? "cancelled: " + error.getClass().getSimpleName()
                        : "failed: " + error.getMessage());
                release(enough);
              }
            });
    // A short answer may end before the third delta: its terminal call releases the wait.
    enough.await(10, TimeUnit.SECONDS);
    turn.cancel();
    String end =
        ending.completeOnTimeout("no terminal call within 5 s", 5, TimeUnit.SECONDS).join();
    out.println(seen);
    out.println("  " + end);
  }

  private static void release(CountDownLatch latch) {
    while (latch.getCount() > 0) {
      latch.countDown();
    }
  }

  /** The offline model: one long answer, streamed slowly enough that a cancel lands mid-way. */
  static ScriptedProvider offline() {
    return ScriptedProvider.builder()
        .pieceSize(4)
        .chunkDelay(Duration.ofMillis(15))
        .reply(ANSWER)
        .repeatLast()
        .build();
  }
}
