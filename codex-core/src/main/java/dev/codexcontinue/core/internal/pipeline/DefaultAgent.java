package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.OverloadedException;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentListener;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.AgentStreamListener;
import dev.codexcontinue.core.ChatStream;
import dev.codexcontinue.core.internal.stream.BlockingChatStream;
import dev.codexcontinue.core.internal.stream.StreamSink;
import dev.codexcontinue.core.internal.stream.TerminalGuard;
import dev.codexcontinue.core.log.ConversationLog;
import dev.codexcontinue.core.memory.SessionMemory;
import dev.codexcontinue.core.memory.TokenCounter;
import dev.codexcontinue.core.prompt.PromptLibrary;
import dev.codexcontinue.core.ratelimit.RateLimiter;
import dev.codexcontinue.core.tool.ToolExecutor;
import dev.codexcontinue.core.trace.SpanListener;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent: the same seven-step pipeline behind three faces. {@link #chat} runs on the caller's
 * thread; {@link #chatAsync} and {@link #stream} run on the agent's executor. Every turn is first
 * admitted by a bounded queue that is fair between users. Whatever the face, cancelling the turn
 * takes it out of the queue, or cancels the rate-limit wait, the model call in flight and the tools
 * still running. {@link #close()} fails queued turns, cancels running ones and shuts down what the
 * agent owns.
 */
public final class DefaultAgent implements Agent {
  private static final Logger log = LoggerFactory.getLogger(DefaultAgent.class);

  private final AgentRuntime runtime;
  private final TurnQueue queue;
  private final Set<TurnCancellation> active = ConcurrentHashMap.newKeySet();
  private final ExecutorService executor;
  private final boolean ownsExecutor;
  private final List<AutoCloseable> owned;
  private final MatchToolsStep matchTools = new MatchToolsStep();
  private final Pipeline blocking;
  private final Pipeline streaming;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DefaultAgent(
      AgentRuntime runtime,
      ExecutorService executor,
      boolean ownsExecutor,
      List<AutoCloseable> owned) {
    this.runtime = runtime;
    this.executor = executor;
    this.ownsExecutor = ownsExecutor;
    this.owned = List.copyOf(owned);
    this.blocking = Pipeline.standard(matchTools, new BlockingInvoker());
    this.streaming = Pipeline.standard(matchTools, new StreamingInvoker());
    AgentOptions options = runtime.options();
    this.queue =
        new TurnQueue(
            options.maxConcurrentTurns(), options.maxQueuedTurns(), options.turnQueueTimeout());
  }

  /**
   * Creates an agent from its parts; {@link dev.codexcontinue.core.AgentBuilder} is the public way.
   * The executor is shut down on close only when {@code ownsExecutor}; {@code owned} resources are
   * closed on close.
   */
  public static DefaultAgent create(
      Provider provider,
      SessionMemory sessions,
      @Nullable MemoryStore longTerm,
      EmbeddingModel embeddings,
      ToolExecutor tools,
      PromptLibrary prompts,
      AgentOptions options,
      Clock clock,
      List<AgentListener> listeners,
      List<SpanListener> spanListeners,
      @Nullable ConversationLog log,
      @Nullable RateLimiter rateLimiter,
      ExecutorService executor,
      boolean ownsExecutor,
      List<AutoCloseable> owned) {
    AgentRuntime runtime =
        new AgentRuntime(
            provider,
            sessions,
            longTerm,
            embeddings,
            tools,
            prompts,
            options,
            TokenCounter.estimating(),
            clock,
            List.copyOf(listeners),
            List.copyOf(spanListeners),
            log,
            rateLimiter);
    return new DefaultAgent(runtime, executor, ownsExecutor, owned);
  }

  @Override
  public AgentReply chat(AgentRequest request) {
    Objects.requireNonNull(request, "request == null");
    checkOpen();
    CompletableFuture<TurnQueue.Permit> admission = queue.acquire(request.session().userId());
    TurnQueue.Permit permit;
    try {
      permit = admission.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (!admission.cancel(false) && !admission.isCompletedExceptionally()) {
        admission.join().close();
      }
      throw new CancelledException("interrupted while waiting for a turn slot");
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
    try (permit) {
      return runTracked(blocking, newTurn(request, new TurnCancellation(), null));
    }
  }

  @Override
  public CompletableFuture<AgentReply> chatAsync(AgentRequest request) {
    Objects.requireNonNull(request, "request == null");
    checkOpen();
    TurnCancellation cancellation = new TurnCancellation();
    CompletableFuture<AgentReply> result =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            // Cancel this future first: stopping the turn makes its thread complete the future
            // exceptionally, and that must not win the race against the caller's cancel.
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            cancellation.cancel();
            return cancelled;
          }
        };
    admitThenRun(
        request,
        cancellation,
        () -> result.complete(runTracked(blocking, newTurn(request, cancellation, null))),
        result::completeExceptionally);
    return result;
  }

  @Override
  public Cancellable stream(AgentRequest request, AgentStreamListener listener) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(listener, "listener == null");
    checkOpen();
    return TerminalGuard.start(sink -> startStreamingTurn(request, sink), adapt(listener));
  }

  @Override
  public ChatStream<AgentReply> stream(AgentRequest request) {
    Objects.requireNonNull(request, "request == null");
    checkOpen();
    return BlockingChatStream.start(sink -> startStreamingTurn(request, sink));
  }

  @Override
  public List<ChatMessage> history(SessionKey session) {
    return runtime.sessions().messages(session);
  }

  @Override
  public void clearHistory(SessionKey session) {
    runtime.sessions().clear(session);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    queue.close();
    for (TurnCancellation turn : active) {
      turn.cancel();
    }
    if (ownsExecutor) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("closing {} failed", resource.getClass().getName(), e);
      }
    }
  }

  private Cancellable startStreamingTurn(AgentRequest request, StreamSink<AgentReply> sink) {
    TurnCancellation cancellation = new TurnCancellation();
    admitThenRun(
        request,
        cancellation,
        () -> sink.onComplete(runTracked(streaming, newTurn(request, cancellation, sink))),
        e ->
            sink.onError(
                e instanceof CodexException codex
                    ? codex
                    : new CodexException("agent turn failed: " + e, e)));
    return cancellation::cancel;
  }

  /**
   * Waits for a turn slot without blocking, then runs {@code turn} on the executor; every failure
   * (a full queue, a rejected task, the turn's own) goes to {@code failure}. Cancelling before the
   * slot comes takes the turn out of the queue.
   */
  private void admitThenRun(
      AgentRequest request,
      TurnCancellation cancellation,
      Runnable turn,
      java.util.function.Consumer<Throwable> failure) {
    CompletableFuture<TurnQueue.Permit> admission = queue.acquire(request.session().userId());
    Runnable leaveQueue = cancellation.onCancel(() -> admission.cancel(false));
    admission.whenComplete(
        (permit, error) -> {
          leaveQueue.run();
          if (error != null) {
            failure.accept(
                error instanceof CancellationException
                    ? new CancelledException("agent turn cancelled while queued")
                    : unwrap(error));
            return;
          }
          Runnable task =
              () -> {
                try (permit) {
                  turn.run();
                } catch (RuntimeException | Error e) {
                  failure.accept(e);
                }
              };
          try {
            submit(task);
          } catch (OverloadedException e) {
            permit.close();
            failure.accept(e);
          }
        });
  }

  /** Runs a turn, tracked so that {@link #close()} can cancel it. */
  private AgentReply runTracked(Pipeline pipeline, TurnContext turn) {
    active.add(turn.cancellation);
    try {
      if (closed.get()) {
        turn.cancellation.cancel();
      }
      return pipeline.run(turn);
    } finally {
      active.remove(turn.cancellation);
    }
  }

  private static RuntimeException unwrap(@Nullable Throwable error) {
    Throwable t =
        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
    if (t instanceof RuntimeException r) {
      return r;
    }
    return new CodexException("agent turn admission failed: " + t, t);
  }

  private TurnContext newTurn(
      AgentRequest request, TurnCancellation cancellation, @Nullable StreamSink<AgentReply> sink) {
    return new TurnContext(runtime, request, UUID.randomUUID().toString(), cancellation, sink);
  }

  private void submit(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      throw new OverloadedException("the agent's executor rejected the turn: " + e.getMessage());
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("agent is closed");
    }
  }

  private static StreamSink<AgentReply> adapt(AgentStreamListener listener) {
    return new StreamSink<>() {
      @Override
      public void onChunk(dev.codexcontinue.api.ChatChunk chunk) {
        listener.onChunk(chunk);
      }

      @Override
      public void onComplete(AgentReply reply) {
        listener.onComplete(reply);
      }

      @Override
      public void onError(CodexException error) {
        listener.onError(error);
      }
    };
  }
}
