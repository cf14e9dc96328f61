package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.OverloadedException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RELIABILITY 37: bounded admission rejects excess calls at once. */
@Timeout(60)
final class AdmissionLimiterTest {
  private final MockWebServer server = new MockWebServer();
  private volatile long holdMillis = 1000;
  private HttpTransport transport;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            Thread.sleep(holdMillis);
            return new MockResponse.Builder().body("ok").build();
          }
        });
    server.start();
    transport =
        HttpTransport.builder("test")
            .admission(
                AdmissionLimiter.builder()
                    .maxConcurrent(8)
                    .maxQueued(16)
                    .acquireTimeout(Duration.ofSeconds(20))
                    .build())
            .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(transport);
    transport.close();
    server.close();
  }

  @Test
  void executeAsync_hundredCallsAgainstLimit8Queue16_admits24AndRejectsTheRestAtOnce()
      throws Exception {
    Result result = runHundred();

    assertThat(result.admitted).isEqualTo(24);
    assertThat(result.rejected).isEqualTo(76);
    assertThat(result.slowestRejectionNanos).isLessThan(TimeUnit.MILLISECONDS.toNanos(50));
    assertThat(server.getRequestCount()).isEqualTo(24);
  }

  @Test
  void executeAsync_repeatedOverload_doesNotGrowTheOldGeneration() throws Exception {
    holdMillis = 50;
    runHundred();
    long baseline = oldGenAfterGc();
    for (int i = 0; i < 10; i++) {
      Result r = runHundred();
      // With short holds, calls may finish while the loop still submits: more can get in.
      assertThat(r.admitted).isGreaterThanOrEqualTo(24);
      assertThat(r.admitted + r.rejected).isEqualTo(100);
    }
    assertThat(oldGenAfterGc()).isLessThan(baseline + (16L << 20));
  }

  @Test
  void acquire_queueFull_throwsOverloaded() {
    AdmissionLimiter limiter = AdmissionLimiter.builder().maxConcurrent(1).maxQueued(0).build();
    try (AdmissionLimiter.Permit held = limiter.acquire()) {
      assertThatThrownBy(limiter::acquire).isInstanceOf(OverloadedException.class);
      assertThat(limiter.running()).isEqualTo(1);
    }
    assertThat(limiter.running()).isZero();
  }

  @Test
  void acquire_waitLongerThanTimeout_throwsOverloaded() {
    AdmissionLimiter limiter =
        AdmissionLimiter.builder()
            .maxConcurrent(1)
            .maxQueued(1)
            .acquireTimeout(Duration.ofMillis(100))
            .build();
    try (AdmissionLimiter.Permit held = limiter.acquire()) {
      assertThatThrownBy(limiter::acquire)
          .isInstanceOf(OverloadedException.class)
          .hasMessageContaining("100 ms");
      assertThat(limiter.queued()).isZero();
    }
  }

  @Test
  void release_handsTheSlotToTheNextWaiter() throws Exception {
    AdmissionLimiter limiter = AdmissionLimiter.builder().maxConcurrent(1).maxQueued(1).build();
    AdmissionLimiter.Permit first = limiter.acquire();
    CompletableFuture<AdmissionLimiter.Permit> waiting = limiter.acquireAsync();
    assertThat(waiting).isNotDone();

    first.close();
    first.close();

    waiting.get(1, TimeUnit.SECONDS).close();
    assertThat(limiter.running()).isZero();
  }

  private record Result(int admitted, int rejected, long slowestRejectionNanos) {}

  private Result runHundred() throws Exception {
    List<CompletableFuture<HttpResult>> futures = new ArrayList<>();
    int rejected = 0;
    long slowest = 0;
    for (int i = 0; i < 100; i++) {
      long start = System.nanoTime();
      CompletableFuture<HttpResult> f =
          transport.executeAsync(HttpCall.get(server.url("/hold").toString()).build());
      if (f.isCompletedExceptionally()) {
        slowest = Math.max(slowest, System.nanoTime() - start);
        rejected++;
        assertThatThrownBy(f::join).hasCauseInstanceOf(OverloadedException.class);
      } else {
        futures.add(f);
      }
    }
    int admitted = 0;
    for (CompletableFuture<HttpResult> f : futures) {
      try {
        assertThat(f.get(20, TimeUnit.SECONDS).bodyText()).isEqualTo("ok");
        admitted++;
      } catch (ExecutionException e) {
        throw new AssertionError(e);
      }
    }
    return new Result(admitted, rejected, slowest);
  }

  private static long oldGenAfterGc() {
    System.gc();
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      String name = pool.getName();
      if (name.contains("Old") || name.contains("Tenured")) {
        used += pool.getUsage().getUsed();
      }
    }
    return used;
  }
}
