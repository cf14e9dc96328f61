package dev.codexcontinue.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.AgentStreamListener;
import dev.codexcontinue.provider.openai.OpenAiProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts many streaming sessions at once against a {@link LoopbackSseServer} and waits for them:
 * counts completions and errors, feeds every event's overhead to a {@link LoadProbe}, and checks
 * afterwards that shutting down left no SDK thread and no file descriptor behind (RELIABILITY 40).
 */
final class StreamingLoad {
  static final int SESSIONS = 1_000;
  static final int EVENTS = 20;
  static final Duration INTERVAL = Duration.ofMillis(50);
  static final Duration BUDGET = Duration.ofSeconds(60);

  /** Starts session {@code index}, reporting to {@code session}. */
  @FunctionalInterface
  interface Starter {
    void start(int index, Session session) throws Exception;
  }

  /** What a run came to. */
  record Result(int completed, int errors, List<Throwable> failures, double seconds) {}

  /** The callbacks of one session. */
  static final class Session {
    private final LoadProbe probe;
    private final CountDownLatch done;
    private final AtomicInteger completed;
    private final AtomicInteger errors;
    private final ConcurrentLinkedQueue<Throwable> failures;

    private Session(
        LoadProbe probe,
        CountDownLatch done,
        AtomicInteger completed,
        AtomicInteger errors,
        ConcurrentLinkedQueue<Throwable> failures) {
      this.probe = probe;
      this.done = done;
      this.completed = completed;
      this.errors = errors;
      this.failures = failures;
    }

    void chunk(ChatChunk chunk) {
      if (chunk instanceof ChatChunk.TextDelta text) {
        probe.event(Long.parseLong(text.text()));
      }
    }

    void completed() {
      completed.incrementAndGet();
      done.countDown();
    }

    void failed(Throwable error) {
      errors.incrementAndGet();
      if (failures.size() < 5) {
        failures.add(error);
      }
      done.countDown();
    }

    /** Returns this session as a provider's stream listener. */
    StreamListener providerListener() {
      return new StreamListener() {
        @Override
        public void onChunk(ChatChunk chunk) {
          chunk(chunk);
        }

        @Override
        public void onComplete(ChatResponse response) {
          completed();
        }

        @Override
        public void onError(CodexException error) {
          failed(error);
        }
      };
    }

    /** Returns this session as an agent's stream listener. */
    AgentStreamListener agentListener() {
      return new AgentStreamListener() {
        @Override
        public void onChunk(ChatChunk chunk) {
          chunk(chunk);
        }

        @Override
        public void onComplete(AgentReply reply) {
          completed();
        }

        @Override
        public void onError(CodexException error) {
          failed(error);
        }
      };
    }
  }

  private StreamingLoad() {}

  /** Returns an OpenAI provider builder aimed at {@code server}. */
  static OpenAiProvider.Builder provider(LoopbackSseServer server) throws IOException {
    return OpenAiProvider.builder().baseUrl(server.baseUrl()).apiKey("load-test-key").model("stub");
  }

  /** Returns the turn of session {@code i}: its own session, one of 50 users. */
  static AgentRequest request(int i) {
    return AgentRequest.builder("session-" + i)
        .userId("user-" + (i % 50))
        .text("hello " + i)
        .build();
  }

  /**
   * Runs one session with {@code starter} and waits for it: the classes of the whole path are then
   * loaded and initialized, so that the measured run sees the steady state (a thousand virtual
   * threads initializing one class at once wait for it pinned, which says nothing of the SDK).
   */
  static void warmUp(Starter starter) throws Exception {
    try (LoadProbe unused = new LoadProbe(0)) {
      CountDownLatch done = new CountDownLatch(1);
      AtomicInteger completed = new AtomicInteger();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      starter.start(SESSIONS, new Session(unused, done, completed, new AtomicInteger(), failures));
      assertThat(done.await(30, TimeUnit.SECONDS)).as("the warm-up session ended").isTrue();
      assertThat(failures).isEmpty();
      assertThat(completed).hasValue(1);
    }
  }

  /**
   * Starts {@link #SESSIONS} sessions with {@code starter} and waits for them within the budget.
   */
  static Result run(LoadProbe probe, Starter starter) throws Exception {
    CountDownLatch done = new CountDownLatch(SESSIONS);
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    for (int i = 0; i < SESSIONS; i++) {
      Session session = new Session(probe, done, completed, errors, failures);
      try {
        starter.start(i, session);
      } catch (CodexException e) {
        session.failed(e);
      }
    }
    boolean finished = done.await(BUDGET.toSeconds(), TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(finished).as("all sessions ended within %s", BUDGET).isTrue();
    return new Result(completed.get(), errors.get(), List.copyOf(failures), seconds);
  }

  /** Checks RELIABILITY 36's outcome: every session completed, no error, within the budget. */
  static void assertAllCompleted(Result result, LoadProbe probe) {
    assertThat(result.failures()).isEmpty();
    assertThat(result.errors()).isZero();
    assertThat(result.completed()).isEqualTo(SESSIONS);
    assertThat(result.seconds()).isLessThan(BUDGET.toSeconds());
    assertThat(probe.events()).isEqualTo(SESSIONS * EVENTS);
  }

  /**
   * RELIABILITY 40: within 5 s of closing, the SDK's threads are gone and the open file descriptors
   * are back within 5 of {@code fdsBefore}. OkHttp's process-wide {@code OkHttp TaskRunner} pool is
   * left out: it is shared by every client and lets idle daemon threads go after 60 s, as OkHttp
   * documents.
   */
  static void assertCleanShutdown(List<String> threadsBefore, long fdsBefore) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<String> left = leftThreads(threadsBefore);
    long fds = LoadProbe.openFileDescriptors();
    while ((!left.isEmpty() || (fdsBefore >= 0 && Math.abs(fds - fdsBefore) > 5))
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
      left = leftThreads(threadsBefore);
      fds = LoadProbe.openFileDescriptors();
    }
    System.out.printf(
        "[load] after close: SDK threads left %s, open file descriptors %d (before %d)%n",
        left, fds, fdsBefore);
    assertThat(left).as("SDK threads after close").isEmpty();
    if (fdsBefore >= 0) {
      assertThat(fds)
          .as("open file descriptors after close")
          .isBetween(fdsBefore - 5, fdsBefore + 5);
    }
  }

  private static List<String> leftThreads(List<String> before) {
    return LoadProbe.sdkThreadNames().stream()
        .filter(n -> !n.equals("OkHttp TaskRunner") && !before.contains(n))
        .toList();
  }
}
