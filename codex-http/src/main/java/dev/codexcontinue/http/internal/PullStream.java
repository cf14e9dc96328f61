package dev.codexcontinue.http.internal;

import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.StreamInterruptedException;
import dev.codexcontinue.api.exception.StreamTimeoutException;
import dev.codexcontinue.http.AdmissionLimiter;
import dev.codexcontinue.http.ErrorMapper;
import dev.codexcontinue.http.EventDecoder;
import dev.codexcontinue.http.EventStream;
import dev.codexcontinue.http.StreamEvent;
import dev.codexcontinue.http.StreamFormat;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import okio.BufferedSource;

/**
 * The blocking {@link EventStream}. Its open response and permit live in a separate state object
 * registered with a {@link Cleaner}, so that a stream dropped without {@code close()} still
 * releases its connection (openai-java's phantom-reachable pattern).
 */
final class PullStream implements EventStream {
  private static final Cleaner CLEANER = Cleaner.create();

  private final BufferedSource source;
  private final EventDecoder decoder;
  private final ArrayDeque<StreamEvent> ready = new ArrayDeque<>();
  private final byte[] buffer = new byte[8192];
  private final String provider;
  private final Cleaner.Cleanable cleanable;
  private boolean ended;
  private long delivered;

  PullStream(
      TransportCore core,
      TrackedResponse response,
      StreamFormat format,
      AdmissionLimiter.Permit permit) {
    this.source = response.response().body().source();
    this.decoder = format.newDecoder(core.maxEventBytes);
    this.provider = core.provider();
    this.cleanable = CLEANER.register(this, new Release(response, permit));
  }

  @Override
  public boolean hasNext() {
    try {
      while (ready.isEmpty() && !ended) {
        int n = source.read(buffer, 0, buffer.length);
        if (n == -1) {
          decoder.finish(ready::add);
          ended = true;
          close();
        } else {
          decoder.feed(buffer, 0, n, ready::add);
        }
      }
    } catch (IOException e) {
      boolean wasClosed = ended;
      ended = true;
      close();
      if (wasClosed) {
        return false;
      }
      ErrorDetails details = ErrorDetails.of(provider);
      if (ErrorMapper.isTimeout(e)) {
        throw new StreamTimeoutException(
            "stream idle timeout after " + delivered + " events", delivered, details, e);
      }
      throw new StreamInterruptedException(
          "stream broken after " + delivered + " events", delivered, details, e);
    } catch (RuntimeException e) {
      ended = true;
      close();
      throw e;
    }
    return !ready.isEmpty();
  }

  @Override
  public StreamEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the stream has ended");
    }
    delivered++;
    return ready.poll();
  }

  @Override
  public long eventsDelivered() {
    return delivered;
  }

  @Override
  public void close() {
    cleanable.clean();
  }

  /** Releases the response and permit; must not refer to the stream itself. */
  private record Release(TrackedResponse response, AdmissionLimiter.Permit permit)
      implements Runnable {
    @Override
    public void run() {
      try {
        response.close();
      } finally {
        permit.close();
      }
    }
  }
}
