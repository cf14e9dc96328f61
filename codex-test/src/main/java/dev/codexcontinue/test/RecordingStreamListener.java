package dev.codexcontinue.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.CodexException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.annotation.Nullable;

/**
 * A {@link StreamListener} that records everything it receives, counts terminal calls, and lets a
 * test wait for the end with a bound. Thread-safe.
 */
public final class RecordingStreamListener implements StreamListener {
  private final List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
  private final AtomicInteger terminals = new AtomicInteger();
  private final AtomicInteger chunksAfterTerminal = new AtomicInteger();
  private final AtomicReference<ChatResponse> response = new AtomicReference<>();
  private final AtomicReference<CodexException> error = new AtomicReference<>();
  private final CountDownLatch ended = new CountDownLatch(1);

  @Override
  public void onChunk(ChatChunk chunk) {
    if (terminals.get() > 0) {
      chunksAfterTerminal.incrementAndGet();
    }
    chunks.add(chunk);
  }

  @Override
  public void onComplete(ChatResponse r) {
    response.compareAndSet(null, r);
    terminals.incrementAndGet();
    ended.countDown();
  }

  @Override
  public void onError(CodexException e) {
    error.compareAndSet(null, e);
    terminals.incrementAndGet();
    ended.countDown();
  }

  /** Returns the chunks received so far. */
  public List<ChatChunk> chunks() {
    return List.copyOf(chunks);
  }

  /** Returns the text deltas joined. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    chunks.forEach(c -> sb.append(c.text()));
    return sb.toString();
  }

  /** Returns how many terminal calls arrived. */
  public int terminalCount() {
    return terminals.get();
  }

  /** Waits for the stream to complete and returns the response; fails on error or timeout. */
  public ChatResponse awaitResponse(long timeout, TimeUnit unit) throws InterruptedException {
    await(timeout, unit);
    CodexException e = error.get();
    if (e != null) {
      throw new AssertionError("the stream failed instead of completing", e);
    }
    ChatResponse r = response.get();
    assertThat(r).as("response").isNotNull();
    return r;
  }

  /** Waits for the stream to fail and returns the error; fails on completion or timeout. */
  public CodexException awaitError(long timeout, TimeUnit unit) throws InterruptedException {
    await(timeout, unit);
    CodexException e = error.get();
    if (e == null) {
      throw new AssertionError("the stream completed instead of failing: " + response.get());
    }
    return e;
  }

  /** Waits until {@code count} chunks arrived or the wait ran out, whichever comes first. */
  public void awaitChunksOrIdle(int count, long timeout, TimeUnit unit)
      throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (chunks.size() < count && System.nanoTime() < deadline && ended.getCount() > 0) {
      ended.await(10, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Waits a moment after the end and asserts that nothing more arrived: exactly one terminal call
   * and no chunk after it.
   */
  public void assertSettled(long quiet, TimeUnit unit) throws InterruptedException {
    ended.await(quiet, unit);
    new CountDownLatch(1).await(quiet, unit);
    assertThat(terminals.get()).as("terminal calls").isEqualTo(1);
    assertThat(chunksAfterTerminal.get()).as("chunks after the terminal call").isZero();
  }

  /** Returns the error, if the stream failed. */
  @Nullable
  public CodexException errorOrNull() {
    return error.get();
  }

  private void await(long timeout, TimeUnit unit) throws InterruptedException {
    if (!ended.await(timeout, unit)) {
      throw new AssertionError("the stream did not end within " + timeout + " " + unit);
    }
  }
}
