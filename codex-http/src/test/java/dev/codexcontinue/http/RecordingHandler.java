package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.exception.CodexException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/** A stream handler that records events and terminal calls. */
public final class RecordingHandler implements StreamHandler {
  private final List<StreamEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger completions = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private final CountDownLatch done = new CountDownLatch(1);
  private final Predicate<StreamEvent> terminator;
  private final boolean completesAtEof;
  @Nullable private volatile CodexException error;

  private RecordingHandler(Predicate<StreamEvent> terminator, boolean completesAtEof) {
    this.terminator = terminator;
    this.completesAtEof = completesAtEof;
  }

  /** Returns a handler for which {@code data: [DONE]} ends the stream. */
  public static RecordingHandler untilDone() {
    return new RecordingHandler(e -> e.data().equals("[DONE]"), false);
  }

  /** Returns a handler that takes every event and treats end of input as a normal end. */
  public static RecordingHandler untilEof() {
    return new RecordingHandler(e -> false, true);
  }

  @Override
  public boolean onEvent(StreamEvent event, long sequence) {
    events.add(event);
    return terminator.test(event);
  }

  @Override
  public boolean completesAtEndOfInput() {
    return completesAtEof;
  }

  @Override
  public void onComplete() {
    completions.incrementAndGet();
    done.countDown();
  }

  @Override
  public void onError(CodexException error) {
    this.error = error;
    errors.incrementAndGet();
    done.countDown();
  }

  /** Waits up to 10 s for the terminal call. */
  public RecordingHandler await() {
    return await(java.time.Duration.ofSeconds(10));
  }

  /** Waits up to {@code max} for the terminal call. */
  public RecordingHandler await(java.time.Duration max) {
    try {
      assertThat(done.await(max.toMillis(), TimeUnit.MILLISECONDS))
          .as("terminal call within " + max)
          .isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return this;
  }

  /** Returns whether the terminal call came. */
  public boolean isDone() {
    return done.getCount() == 0;
  }

  /** Returns the events received. */
  public List<StreamEvent> events() {
    return List.copyOf(events);
  }

  /** Returns the data of the events received. */
  public List<String> data() {
    return events.stream().map(StreamEvent::data).toList();
  }

  /** Returns how many times onComplete was called. */
  public int completions() {
    return completions.get();
  }

  /** Returns how many times onError was called. */
  public int errors() {
    return errors.get();
  }

  /** Returns onComplete plus onError calls. */
  public int terminalCalls() {
    return completions.get() + errors.get();
  }

  /** Returns the error delivered, if any. */
  @Nullable
  public CodexException error() {
    return error;
  }
}
