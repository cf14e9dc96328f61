package dev.codexcontinue.test;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.Embedding;
import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.EmbeddingRequest;
import dev.codexcontinue.api.EmbeddingResponse;
import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.UnsupportedCapabilityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;

/**
 * A provider that answers from a script and records every request: replies, tool calls, streams,
 * failures, stalls and delays, in order, one step per call. For tests of agents and of code built
 * on providers, with no network.
 *
 * <pre>{@code
 * ScriptedProvider model = ScriptedProvider.builder()
 *     .toolCall("weather", "{\"city\":\"Oslo\"}")
 *     .reply("It is -3 in Oslo.")
 *     .build();
 * // ... run the agent ...
 * assertThat(model.requests()).hasSize(2);
 * }</pre>
 *
 * <p>Streams and asynchronous calls run on the provider's own daemon threads; cancelling one
 * interrupts its wait and ends it with one {@code onError(CancelledException)}. Thread-safe.
 */
public final class ScriptedProvider implements Provider {
  private final String id;
  private final Set<Capability> capabilities;
  private final Script script;
  private final int pieceSize;
  private final Duration chunkDelay;
  @Nullable private final EmbeddingModel embeddings;
  private final List<CompletionResponse> completions;
  private final List<ModelInfo> models;
  private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
  private final List<CompletionRequest> completionRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger completionIndex = new AtomicInteger();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "codex-scripted-provider");
            t.setDaemon(true);
            return t;
          });

  private ScriptedProvider(ScriptedProviderBuilder b) {
    this.id = b.id;
    this.script = new Script(b.steps, b.repeatLast);
    this.pieceSize = b.pieceSize;
    this.chunkDelay = b.chunkDelay;
    this.embeddings = b.embeddings;
    this.completions = List.copyOf(b.completions);
    this.models = List.copyOf(b.models);
    Set<Capability> caps = EnumSet.of(Capability.CHAT, Capability.STREAMING, Capability.TOOLS);
    if (embeddings != null) {
      caps.add(Capability.EMBEDDINGS);
    }
    if (!completions.isEmpty()) {
      caps.add(Capability.CODE_COMPLETION);
    }
    if (!models.isEmpty()) {
      caps.add(Capability.MODEL_LISTING);
    }
    this.capabilities = Set.copyOf(caps);
  }

  /** Returns a builder for a script. */
  public static ScriptedProviderBuilder builder() {
    return new ScriptedProviderBuilder(ScriptedProvider::new);
  }

  /** Returns every chat request received, in order. */
  public List<ChatRequest> requests() {
    return List.copyOf(requests);
  }

  /** Returns the last chat request received. */
  public ChatRequest lastRequest() {
    if (requests.isEmpty()) {
      throw new IllegalStateException("no request received yet");
    }
    return requests.get(requests.size() - 1);
  }

  /** Returns every completion request received, in order. */
  public List<CompletionRequest> completionRequests() {
    return List.copyOf(completionRequests);
  }

  /** Returns how many scripted steps have not been used. */
  public int remainingSteps() {
    return script.remaining();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    requests.add(request);
    int number = requests.size();
    ScriptStep step = script.next();
    sleep(step.delay());
    if (step instanceof ScriptStep.Respond respond) {
      return respond.responder().apply(request);
    }
    if (step instanceof ScriptStep.Fail fail) {
      throw fail.error();
    }
    sleep(Duration.ofDays(365));
    throw new CancelledException("stalled call " + number + " interrupted");
  }

  @Override
  public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
    CompletableFuture<ChatResponse> result = new CompletableFuture<>();
    Future<?> work =
        threads.submit(
            () -> {
              try {
                result.complete(chat(request));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            });
    result.whenComplete((r, e) -> work.cancel(true));
    return result;
  }

  @Override
  public Cancellable stream(ChatRequest request, StreamListener listener) {
    requests.add(request);
    ScriptStep step = script.next();
    ScriptedStream stream = new ScriptedStream(listener);
    stream.work = threads.submit(() -> stream.play(request, step));
    return stream;
  }

  @Override
  public EmbeddingResponse embed(EmbeddingRequest request) {
    EmbeddingModel model = embeddings;
    if (model == null) {
      throw new UnsupportedCapabilityException(id, Capability.EMBEDDINGS.name());
    }
    List<float[]> vectors = model.embedAll(request.inputs());
    List<Embedding> out = new ArrayList<>();
    for (int i = 0; i < vectors.size(); i++) {
      out.add(Embedding.of(i, vectors.get(i)));
    }
    return EmbeddingResponse.of(out, model.name(), TokenUsage.ZERO);
  }

  @Override
  public CompletionResponse complete(CompletionRequest request) {
    if (completions.isEmpty()) {
      throw new UnsupportedCapabilityException(id, Capability.CODE_COMPLETION.name());
    }
    completionRequests.add(request);
    int i = completionIndex.getAndIncrement();
    return completions.get(Math.min(i, completions.size() - 1));
  }

  @Override
  public CompletableFuture<CompletionResponse> completeAsync(CompletionRequest request) {
    return CompletableFuture.supplyAsync(() -> complete(request), threads);
  }

  @Override
  public List<ModelInfo> models() {
    if (models.isEmpty()) {
      throw new UnsupportedCapabilityException(id, Capability.MODEL_LISTING.name());
    }
    return models;
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }

  private static void sleep(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException("scripted call interrupted");
    }
  }

  /** One scripted stream: plays its step and guarantees exactly one terminal call. */
  private final class ScriptedStream implements Cancellable {
    private final StreamListener listener;
    private final AtomicBoolean ended = new AtomicBoolean();
    @Nullable private volatile Future<?> work;

    ScriptedStream(StreamListener listener) {
      this.listener = listener;
    }

    void play(ChatRequest request, ScriptStep step) {
      try {
        sleep(step.delay());
        if (step instanceof ScriptStep.Respond respond) {
          ChatResponse response = respond.responder().apply(request);
          emit(Replies.chunks(response, pieceSize));
          end(() -> listener.onComplete(response));
        } else if (step instanceof ScriptStep.Fail fail) {
          emit(fail.chunksFirst());
          end(() -> listener.onError(fail.error()));
        } else if (step instanceof ScriptStep.Stall stall) {
          emit(stall.chunksFirst());
          sleep(Duration.ofDays(365));
        }
      } catch (CodexException e) {
        end(() -> listener.onError(e));
      } catch (RuntimeException e) {
        end(() -> listener.onError(new CodexException("scripted stream failed: " + e, e)));
      }
    }

    private void emit(List<ChatChunk> chunks) {
      for (ChatChunk chunk : chunks) {
        if (ended.get()) {
          return;
        }
        sleep(chunkDelay);
        if (!ended.get()) {
          listener.onChunk(chunk);
        }
      }
    }

    private void end(Runnable terminal) {
      if (ended.compareAndSet(false, true)) {
        terminal.run();
      }
    }

    @Override
    public void cancel() {
      if (ended.compareAndSet(false, true)) {
        Future<?> w = work;
        if (w != null) {
          w.cancel(true);
        }
        listener.onError(new CancelledException("stream cancelled"));
      }
    }
  }
}
