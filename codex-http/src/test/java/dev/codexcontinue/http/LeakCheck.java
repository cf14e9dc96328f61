package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The leak check every HTTP test ends with: the transport's open-response count reaches 0, the
 * connection pool does not grow, and OkHttp logged no "was leaked" after a GC.
 */
public final class LeakCheck {
  // Strong reference: JUL holds loggers weakly, and a collected logger loses its handler.
  private static final Logger OKHTTP = Logger.getLogger("okhttp3.OkHttpClient");
  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

  static {
    OKHTTP.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            String message = record.getMessage();
            if (message != null && message.contains("was leaked")) {
              LEAKS.add(message);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
  }

  private LeakCheck() {}

  /** Asserts that {@code transport} holds no open response and OkHttp reported no leak. */
  public static void assertNoLeaks(HttpTransport transport) {
    await(() -> transport.openResponses() == 0, Duration.ofSeconds(5));
    assertThat(transport.openResponses()).as("open responses").isZero();
    int before = settledPoolCount(transport);
    System.gc();
    pause(Duration.ofMillis(200));
    assertThat(LEAKS).as("OkHttp leak warnings").isEmpty();
    assertThat(transport.client().connectionPool().connectionCount())
        .as("pooled connections")
        .isLessThanOrEqualTo(before);
  }

  /**
   * Returns the pool's connection count once it has stopped changing. A call cancelled while its
   * connection was still being set up may hand that (idle, reusable) connection to the pool a
   * moment after the cancel; that is no leak, so the baseline is taken after it lands.
   */
  private static int settledPoolCount(HttpTransport transport) {
    int count = transport.client().connectionPool().connectionCount();
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (System.nanoTime() < deadline) {
      pause(Duration.ofMillis(100));
      int now = transport.client().connectionPool().connectionCount();
      if (now == count) {
        return now;
      }
      count = now;
    }
    return count;
  }

  /** Waits until {@code condition} holds or {@code max} passes, polling every 10 ms. */
  public static boolean await(BooleanSupplier condition, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      pause(Duration.ofMillis(10));
    }
    return true;
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
