package dev.codexcontinue.core.internal.stream;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.core.ChatStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.annotation.Nullable;

/**
 * A {@link ChatStream} fed by a push source through a bounded queue. A slow consumer holds the
 * producer back (backpressure down to the socket) instead of growing the heap; closing releases a
 * blocked producer at once.
 *
 * @param <R> the final result type
 */
public final class BlockingChatStream<R> implements ChatStream<R> {
  private static final int CAPACITY = 1024;

  private sealed interface Item<R> {}

  private record Chunk<R>(ChatChunk chunk) implements Item<R> {}

  private record Done<R>(R result) implements Item<R> {}

  private record Failed<R>(CodexException error) implements Item<R> {}

  /** Wakes a consumer waiting on an empty queue after the end was recorded. */
  private record Wake<R>() implements Item<R> {}

  private final BlockingQueue<Item<R>> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean iterated = new AtomicBoolean();
  private final TerminalGuard<R> guard;
  private final AtomicReference<Item<R>> end = new AtomicReference<>();
  @Nullable private Item<R> terminal;
  @Nullable private ChatChunk next;

  private BlockingChatStream(StreamSource<R> source) {
    this.guard = TerminalGuard.start(source, new Feeder());
  }

  /** Starts {@code source} and returns the stream that reads it. */
  public static <R> BlockingChatStream<R> start(StreamSource<R> source) {
    return new BlockingChatStream<>(source);
  }

  @Override
  public Iterator<ChatChunk> iterator() {
    if (!iterated.compareAndSet(false, true)) {
      throw new IllegalStateException("a chat stream can be iterated once");
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return advance();
      }

      @Override
      public ChatChunk next() {
        if (!advance()) {
          throw new NoSuchElementException();
        }
        ChatChunk chunk = BlockingChatStream.this.next;
        BlockingChatStream.this.next = null;
        if (chunk == null) {
          throw new NoSuchElementException();
        }
        return chunk;
      }
    };
  }

  @Override
  public R result() {
    while (advance()) {
      next = null;
    }
    Item<R> end = terminal;
    if (end instanceof Done<R> done) {
      return done.result();
    }
    if (end instanceof Failed<R> failed) {
      throw failed.error();
    }
    throw new CancelledException("stream closed before its result was read");
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      queue.clear();
      guard.cancel();
    }
  }

  /** Moves to the next chunk; false at the end; throws the failure when the stream failed. */
  private boolean advance() {
    if (next != null) {
      return true;
    }
    if (terminal != null) {
      if (terminal instanceof Failed<R> failed) {
        throw failed.error();
      }
      return false;
    }
    if (closed.get()) {
      return false;
    }
    while (true) {
      Item<R> item;
      try {
        item = queue.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new CancelledException("interrupted while waiting for the stream");
      }
      if (item instanceof Chunk<R> chunk) {
        next = chunk.chunk();
        return true;
      }
      // Chunks are queued before the end is recorded, so an empty queue with a recorded end
      // means every chunk has been read.
      Item<R> recorded = end.get();
      if (recorded != null && queue.isEmpty()) {
        terminal = recorded;
        return advance();
      }
      if (closed.get()) {
        return false;
      }
    }
  }

  /** Moves items from the source into the queue, waiting for room unless the stream is closed. */
  private final class Feeder implements StreamSink<R> {
    @Override
    public void onChunk(ChatChunk chunk) {
      put(new Chunk<>(chunk));
    }

    @Override
    public void onComplete(R result) {
      finish(new Done<>(result));
    }

    @Override
    public void onError(CodexException error) {
      finish(new Failed<>(error));
    }

    /** Records the end without blocking, so a terminal signal is never lost to a full queue. */
    private void finish(Item<R> item) {
      end.compareAndSet(null, item);
      queue.offer(new Wake<>());
    }

    private void put(Item<R> item) {
      try {
        while (!closed.get()) {
          if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
