package dev.codexcontinue.http.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;

/** A response counted as open until closed once; the count is the transport's leak check. */
final class TrackedResponse implements AutoCloseable {
  private final Response response;
  private final AtomicInteger open;
  private final AtomicBoolean closed = new AtomicBoolean();

  TrackedResponse(Response response, AtomicInteger open) {
    this.response = response;
    this.open = open;
    open.incrementAndGet();
  }

  Response response() {
    return response;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        response.close();
      } finally {
        open.decrementAndGet();
      }
    }
  }
}
