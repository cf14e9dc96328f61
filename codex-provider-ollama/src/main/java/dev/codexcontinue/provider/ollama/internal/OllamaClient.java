package dev.codexcontinue.provider.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.StreamFormat;
import dev.codexcontinue.provider.ollama.ModelNotFoundException;
import dev.codexcontinue.provider.ollama.OllamaModelDetails;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat ({@code /api/chat}) and code completion ({@code /api/generate}), blocking, asynchronous and
 * streamed, with {@code options.num_ctx} sized by the {@link ContextWindows} (waiting, when needed,
 * for one {@code /api/show} per model, asynchronously on the asynchronous paths) and the truncation
 * check on every answer. Thread-safe.
 */
public final class OllamaClient {
  private static final Logger log = LoggerFactory.getLogger(OllamaClient.class);

  private final Endpoint endpoint;
  private final ModelCalls models;
  private final ContextWindows windows;
  private final WireDefaults defaults;
  private final GenerateBodies.RawMode raw;
  @Nullable private final String chatModel;
  @Nullable private final String completionModel;

  /** Creates the client; the models are the defaults when a request names none. */
  public OllamaClient(
      Endpoint endpoint,
      ModelCalls models,
      ContextWindows windows,
      WireDefaults defaults,
      GenerateBodies.RawMode raw,
      @Nullable String chatModel,
      @Nullable String completionModel) {
    this.endpoint = endpoint;
    this.models = models;
    this.windows = windows;
    this.defaults = defaults;
    this.raw = raw;
    this.chatModel = chatModel;
    this.completionModel = completionModel != null ? completionModel : chatModel;
  }

  /** A body whose {@code num_ctx} may wait for the model's context length. */
  private record Pending(
      String model,
      String path,
      String operation,
      ObjectNode body,
      int estimate,
      int callerNumCtx,
      boolean stream,
      @Nullable Duration timeout) {
    int need() {
      return ContextWindows.need(estimate, body.path("options").path("num_predict").asLong(-1));
    }
  }

  /** A call ready to send, with what the truncation check needs. */
  private record Ready(HttpCall call, String model, int estimate, int numCtx) {}

  /** Sends a chat request and waits for the answer. */
  public ChatResponse chat(ChatRequest request) {
    Ready ready = readyNow(chatCall(request, false));
    return readChat(endpoint.execute(ready.call()), ready);
  }

  /** Sends a chat request without blocking; cancelling the future cancels the HTTP call. */
  public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
    return async(chatCall(request, false), ready -> root -> readChat(root, ready));
  }

  /** Streams a chat answer. */
  public Cancellable stream(ChatRequest request, StreamListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    return stream(chatCall(request, true), listener);
  }

  /** Completes code at a cursor and waits for the answer. */
  public CompletionResponse complete(CompletionRequest request) {
    Ready ready = readyNow(completionCall(request, false));
    return readCompletion(endpoint.execute(ready.call()), ready);
  }

  /** Completes code without blocking; cancelling the future cancels the HTTP call at once. */
  public CompletableFuture<CompletionResponse> completeAsync(CompletionRequest request) {
    return async(completionCall(request, false), ready -> root -> readCompletion(root, ready));
  }

  /** Streams a completion as text chunks; the response's text is the whole completion. */
  public Cancellable streamCompletion(CompletionRequest request, StreamListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    return stream(completionCall(request, true), listener);
  }

  private Pending chatCall(ChatRequest request, boolean stream) {
    Objects.requireNonNull(request, "request == null");
    String model = model(request.model().orElse(chatModel), "chat");
    ObjectNode body = ChatBodies.chat(request, model, defaults, stream);
    return pending(
        model, "/api/chat", "chat", body, TokenEstimates.chat(request), stream, request.timeout());
  }

  private Pending completionCall(CompletionRequest request, boolean stream) {
    Objects.requireNonNull(request, "request == null");
    String model = model(request.model().orElse(completionModel), "completion");
    ObjectNode body = GenerateBodies.completion(request, model, defaults, raw, stream);
    int estimate = TokenEstimates.text(request.prefix(), request.suffix());
    return pending(
        model, "/api/generate", "complete", body, estimate, stream, java.util.Optional.empty());
  }

  private static Pending pending(
      String model,
      String path,
      String operation,
      ObjectNode body,
      int estimate,
      boolean stream,
      java.util.Optional<Duration> timeout) {
    int callerNumCtx =
        (int) Math.min(Integer.MAX_VALUE, Json.count(body.path("options").get("num_ctx")));
    return new Pending(
        model,
        path,
        stream ? operation + "-stream" : operation,
        body,
        estimate,
        callerNumCtx,
        stream,
        timeout.orElse(null));
  }

  private String model(@Nullable String model, String what) {
    if (model == null || model.isBlank()) {
      throw new ConfigurationException(
          "ollama: the "
              + what
              + " request names no model and the provider has none: set"
              + " OllamaProvider.builder().model(..) or the setting ollama.model");
    }
    return model;
  }

  private boolean waitsForShow(Pending p) {
    return p.callerNumCtx() <= 0
        && windows.needsModelLength(p.need())
        && windows.cached(p.model()).isEmpty();
  }

  private Ready readyNow(Pending p) {
    if (!waitsForShow(p)) {
      return ready(p, cachedLength(p));
    }
    OllamaModelDetails details = null;
    Throwable failure = null;
    try {
      details = models.show(p.model(), false);
    } catch (CodexException e) {
      failure = e;
    }
    return ready(p, lengthOr(p, details, failure));
  }

  private CompletableFuture<Ready> readyLater(Pending p) {
    return Chained.then(
        models.showAsync(p.model()),
        (details, failure) ->
            CompletableFuture.completedFuture(ready(p, lengthOr(p, details, failure))));
  }

  /**
   * Returns the model's context length from {@code /api/show}, or empty when the call failed for a
   * reason other than a missing model (which fails the call: nothing else would work either).
   */
  private OptionalInt lengthOr(
      Pending p, @Nullable OllamaModelDetails details, @Nullable Throwable failure) {
    if (failure instanceof ModelNotFoundException missing) {
      throw missing;
    }
    if (details == null) {
      log.warn(
          "ollama: cannot read the context length of model {} from /api/show ({}); sizing"
              + " num_ctx without it",
          p.model(),
          failure == null ? "no answer" : failure.toString());
      return OptionalInt.empty();
    }
    return details.contextLength();
  }

  private OptionalInt cachedLength(Pending p) {
    return windows
        .cached(p.model())
        .map(OllamaModelDetails::contextLength)
        .orElse(OptionalInt.empty());
  }

  private Ready ready(Pending p, OptionalInt modelLength) {
    int numCtx = p.callerNumCtx();
    if (numCtx <= 0) {
      numCtx = windows.numCtx(p.need(), modelLength).orElse(-1);
      if (numCtx > 0) {
        ObjectNode options =
            p.body().get("options") instanceof ObjectNode o ? o : p.body().putObject("options");
        options.put("num_ctx", numCtx);
      }
    }
    HttpCall.Builder call = endpoint.post(p.path(), p.body(), p.operation());
    Duration timeout = p.timeout();
    if (timeout != null) {
      if (p.stream()) {
        call.readTimeout(timeout);
      } else {
        call.timeout(timeout);
      }
    }
    return new Ready(call.build(), p.model(), p.estimate(), numCtx);
  }

  private <T> CompletableFuture<T> async(Pending p, Function<Ready, Function<JsonNode, T>> reader) {
    if (!waitsForShow(p)) {
      Ready ready = ready(p, cachedLength(p));
      return endpoint.executeAsync(ready.call(), reader.apply(ready));
    }
    return Chained.then(
        readyLater(p),
        (ready, failure) ->
            failure != null
                ? CompletableFuture.failedFuture(failure)
                : endpoint.executeAsync(ready.call(), reader.apply(ready)));
  }

  private Cancellable stream(Pending p, StreamListener listener) {
    if (!waitsForShow(p)) {
      return open(ready(p, cachedLength(p)), listener);
    }
    return DeferredStream.start(readyLater(p), this::open, listener);
  }

  private Cancellable open(Ready ready, StreamListener listener) {
    return endpoint.transport().stream(
        ready.call(),
        StreamFormat.NDJSON,
        new NdjsonChatHandler(
            listener,
            endpoint.provider(),
            endpoint.transport().redactor(),
            assembler -> finish(assembler, ready)));
  }

  private ChatResponse readChat(JsonNode root, Ready ready) {
    return finish(assembleWhole(root), ready);
  }

  private ChatResponse finish(ResponseAssembler assembler, Ready ready) {
    return assembler.response(
        ContextWindows.truncation(
            ready.model(), ready.estimate(), ready.numCtx(), assembler.promptEvalCount()));
  }

  private CompletionResponse readCompletion(JsonNode root, Ready ready) {
    ResponseAssembler assembler = assembleWhole(root);
    // A completion has no provider data to carry the check; its warning still reaches the log.
    ContextWindows.truncation(
        ready.model(), ready.estimate(), ready.numCtx(), assembler.promptEvalCount());
    String text = assembler.text();
    String model = assembler.model();
    return CompletionResponse.of(
        "cmpl-" + UUID.randomUUID(),
        text.isEmpty() ? List.of() : List.of(new CompletionChoice(0, text)),
        model.isEmpty() ? ready.model() : model,
        assembler.usage());
  }

  private ResponseAssembler assembleWhole(JsonNode root) {
    ResponseAssembler assembler = new ResponseAssembler();
    try {
      assembler.accept(root, chunk -> {});
    } catch (ResponseAssembler.Malformed e) {
      throw endpoint.malformed(String.valueOf(e.getMessage()), e);
    }
    return assembler;
  }
}
