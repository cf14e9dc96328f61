package dev.codexcontinue.core.completion;

import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.Provider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Code completion for one editor session: call {@link #complete} on every keystroke and show what
 * the returned future delivers. Each call supersedes the previous one, whose future is cancelled
 * along with its HTTP call. Calls are debounced: the provider is asked only once the keystrokes
 * pause for the debounce delay. A recent answer for the same windows (or the rest of the shown
 * answer, when the user types what it proposed) is delivered at once without a call. Answers are
 * trimmed by the {@link CompletionTrimmer} before they are delivered and cached.
 *
 * <p>Thread-safe. Futures complete on the provider's transport thread (an OkHttp dispatcher thread
 * for HTTP providers), or on the calling thread for cached answers: hand heavy work to your own
 * executor. {@link #close()} cancels the pending call and stops the debounce thread this completer
 * created; a scheduler passed to the builder is borrowed and left running.
 *
 * <pre>{@code
 * try (CodeCompleter completer = CodeCompleter.builder(provider).build()) {
 *   completer.complete(editorContext).thenAccept(answer -> editor.showGhostText(answer.text()));
 * }
 * }</pre>
 */
public final class CodeCompleter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CodeCompleter.class);

  private final Provider provider;
  private final CompletionContextBuilder contexts;
  private final CompletionTrimmer trimmer;
  private final CompletionCache cache;
  private final Duration debounce;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final Object lock = new Object();
  @Nullable private Pending pending;
  @Nullable private Shown shown;
  private boolean closed;

  /** The answer last delivered, for typing through it. */
  private record Shown(
      int cursor, String prefix, String suffix, String path, CompletionResponse r) {}

  private CodeCompleter(Builder b, ScheduledExecutorService scheduler, boolean ownsScheduler) {
    this.provider = b.provider;
    this.contexts = b.contexts;
    this.trimmer = b.trimmer;
    this.cache = b.cache != null ? b.cache : CompletionCache.builder().clock(b.clock).build();
    this.debounce = b.debounce;
    this.scheduler = scheduler;
    this.ownsScheduler = ownsScheduler;
  }

  /** Returns a builder for completions from {@code provider}. */
  public static Builder builder(Provider provider) {
    return new Builder(provider);
  }

  /**
   * Asks for a completion at the cursor of {@code context}, superseding the previous request. The
   * future completes with the trimmed answer (its choices may be empty when the model had nothing
   * useful), fails with the provider's exception, or is cancelled when a later call supersedes it.
   * Cancelling it cancels the HTTP call.
   *
   * @throws IllegalStateException when the completer is closed
   */
  public CompletableFuture<CompletionResponse> complete(EditorContext context) {
    Objects.requireNonNull(context, "context == null");
    CompletionRequest windows = contexts.windows(context);
    Optional<CompletionResponse> cached = cache.get(windows);
    Pending next;
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the completer is closed");
      }
      supersede();
      if (cached.isEmpty()) {
        cached = typedThrough(context, windows);
      }
      if (cached.isPresent()) {
        remember(context, windows, cached.get());
        return CompletableFuture.completedFuture(cached.get());
      }
      next = new Pending(context, windows);
      pending = next;
      if (!debounce.isZero()) {
        next.timer = scheduler.schedule(next::send, debounce.toNanos(), TimeUnit.NANOSECONDS);
      }
    }
    if (debounce.isZero()) {
      next.send();
    }
    return next.result;
  }

  /** Cancels the pending request, if any (the editor lost focus or the cursor moved away). */
  public void cancel() {
    synchronized (lock) {
      supersede();
    }
  }

  /** Returns the answer cache. */
  public CompletionCache cache() {
    return cache;
  }

  /** Cancels the pending request and stops the debounce thread this completer made. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      supersede();
    }
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
  }

  private void supersede() {
    Pending p = pending;
    pending = null;
    if (p != null) {
      p.result.cancel(true);
    }
  }

  /** Returns the rest of the shown answer when the user has typed its beginning. */
  private Optional<CompletionResponse> typedThrough(EditorContext context, CompletionRequest w) {
    Shown last = shown;
    if (last == null
        || last.r().choices().isEmpty()
        || !last.path().equals(w.filePath().orElse(""))
        || !last.suffix().equals(w.suffix())) {
      return Optional.empty();
    }
    CompletionChoice choice = last.r().choices().get(0);
    int typed = context.cursorOffset() - last.cursor();
    String doc = context.text();
    int oldPrefixStart = last.cursor() - last.prefix().length();
    if (typed <= 0
        || typed >= choice.text().length()
        || !doc.regionMatches(last.cursor(), choice.text(), 0, typed)
        || !doc.startsWith(last.prefix(), oldPrefixStart)) {
      return Optional.empty();
    }
    return Optional.of(
        last.r()
            .withChoices(
                List.of(new CompletionChoice(choice.index(), choice.text().substring(typed)))));
  }

  private void remember(EditorContext context, CompletionRequest w, CompletionResponse r) {
    shown = new Shown(context.cursorOffset(), w.prefix(), w.suffix(), w.filePath().orElse(""), r);
  }

  /** One request: waiting for the debounce delay, then in flight, then delivered. */
  private final class Pending {
    private final EditorContext context;
    private final CompletionRequest windows;
    final CompletableFuture<CompletionResponse> result =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            stop();
            return cancelled;
          }
        };
    @Nullable volatile ScheduledFuture<?> timer;
    @Nullable private CompletableFuture<CompletionResponse> call;

    Pending(EditorContext context, CompletionRequest windows) {
      this.context = context;
      this.windows = windows;
    }

    void send() {
      if (result.isDone()) {
        return;
      }
      CompletionRequest request;
      CompletableFuture<CompletionResponse> started;
      try {
        request = contexts.build(context);
        started = provider.completeAsync(request);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      synchronized (this) {
        call = started;
      }
      if (result.isDone()) {
        started.cancel(true);
        return;
      }
      started.whenComplete((response, error) -> finish(request, response, error));
    }

    private void finish(
        CompletionRequest request,
        @Nullable CompletionResponse response,
        @Nullable Throwable error) {
      if (error != null || response == null) {
        Throwable cause =
            error instanceof CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
        if (!result.isDone()) {
          log.debug("{} completion failed: {}", provider.id(), String.valueOf(cause));
        }
        result.completeExceptionally(
            cause != null ? cause : new IllegalStateException("no completion and no error"));
        return;
      }
      CompletionResponse trimmed;
      try {
        trimmed = trimmer.trim(request, response);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      cache.put(windows, trimmed);
      synchronized (lock) {
        if (pending == this) {
          pending = null;
          remember(context, windows, trimmed);
        }
      }
      result.complete(trimmed);
    }

    private void stop() {
      ScheduledFuture<?> t = timer;
      if (t != null) {
        t.cancel(false);
      }
      CompletableFuture<CompletionResponse> c;
      synchronized (this) {
        c = call;
      }
      if (c != null) {
        c.cancel(true);
      }
    }
  }

  @Override
  public String toString() {
    return "CodeCompleter[" + provider.id() + ", debounce=" + debounce.toMillis() + "ms]";
  }

  /** Builds a {@link CodeCompleter}. Not thread-safe. */
  public static final class Builder {
    private final Provider provider;
    private CompletionContextBuilder contexts = CompletionContextBuilder.defaults();
    private CompletionTrimmer trimmer = CompletionTrimmer.create();
    @Nullable private CompletionCache cache;
    private Duration debounce = Duration.ofMillis(100);
    @Nullable private ScheduledExecutorService scheduler;
    private Clock clock = Clock.systemUTC();

    private Builder(Provider provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
    }

    /** Sets how requests are built from the editor's state. */
    public Builder contextBuilder(CompletionContextBuilder contexts) {
      this.contexts = Objects.requireNonNull(contexts, "contexts == null");
      return this;
    }

    /** Sets how answers are trimmed. */
    public Builder trimmer(CompletionTrimmer trimmer) {
      this.trimmer = Objects.requireNonNull(trimmer, "trimmer == null");
      return this;
    }

    /** Sets the answer cache (share one between completers of one editor); a new one otherwise. */
    public Builder cache(CompletionCache cache) {
      this.cache = Objects.requireNonNull(cache, "cache == null");
      return this;
    }

    /** Sets the pause in typing before the provider is asked; 100 ms, zero asks at once. */
    public Builder debounce(Duration debounce) {
      Objects.requireNonNull(debounce, "debounce == null");
      if (debounce.isNegative()) {
        throw new IllegalArgumentException("debounce is negative: " + debounce);
      }
      this.debounce = debounce;
      return this;
    }

    /** Borrows the scheduler that runs debounced requests; never shut down by the completer. */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /** Sets the clock of the cache this builder creates (not of one passed to {@link #cache}). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Returns the completer. */
    public CodeCompleter build() {
      if (scheduler != null) {
        return new CodeCompleter(this, scheduler, false);
      }
      ScheduledThreadPoolExecutor own =
          (ScheduledThreadPoolExecutor)
              Executors.newScheduledThreadPool(
                  1,
                  r -> {
                    Thread t = new Thread(r, "codex-completion-debounce");
                    t.setDaemon(true);
                    return t;
                  });
      own.setRemoveOnCancelPolicy(true);
      return new CodeCompleter(this, own, true);
    }
  }
}
