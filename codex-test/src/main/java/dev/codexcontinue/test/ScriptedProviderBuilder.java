package dev.codexcontinue.test;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.exception.CodexException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * Builds a {@link ScriptedProvider}: each step answers one call, in order. A {@link #delay} applies
 * to the step added after it. Not thread-safe.
 */
public final class ScriptedProviderBuilder {
  final List<ScriptStep> steps = new ArrayList<>();
  String id = "scripted";
  boolean repeatLast;
  int pieceSize = 4;
  Duration chunkDelay = Duration.ZERO;
  @Nullable EmbeddingModel embeddings;
  final List<CompletionResponse> completions = new ArrayList<>();
  final List<ModelInfo> models = new ArrayList<>();
  private Duration nextDelay = Duration.ZERO;
  private int callIds;
  private final Function<ScriptedProviderBuilder, ScriptedProvider> factory;

  ScriptedProviderBuilder(Function<ScriptedProviderBuilder, ScriptedProvider> factory) {
    this.factory = factory;
  }

  /** Sets the provider id; {@code scripted} by default. */
  public ScriptedProviderBuilder id(String id) {
    this.id = Objects.requireNonNull(id, "id == null");
    return this;
  }

  /** Adds a step that answers with {@code text}. */
  public ScriptedProviderBuilder reply(String text) {
    Objects.requireNonNull(text, "text == null");
    return respond(request -> Replies.text(request, text, 0));
  }

  /** Adds a step that answers with a call of tool {@code name} with JSON {@code arguments}. */
  public ScriptedProviderBuilder toolCall(String name, String arguments) {
    return toolCalls(ToolCall.of("call_" + (++callIds), name, arguments));
  }

  /** Adds a step that answers with several tool calls at once (parallel calls). */
  public ScriptedProviderBuilder toolCalls(ToolCall... calls) {
    List<ToolCall> list = List.of(calls);
    return respond(request -> Replies.toolCalls(request, list, 0));
  }

  /** Adds a step that answers with {@code response} as it is. */
  public ScriptedProviderBuilder reply(ChatResponse response) {
    Objects.requireNonNull(response, "response == null");
    return respond(request -> response);
  }

  /** Adds a step that computes its answer from the request (for conversations that react). */
  public ScriptedProviderBuilder respond(Function<ChatRequest, ChatResponse> responder) {
    return add(
        new ScriptStep.Respond(Objects.requireNonNull(responder, "responder == null"), take()));
  }

  /** Adds a step that fails with {@code error}. */
  public ScriptedProviderBuilder fail(CodexException error) {
    return add(
        new ScriptStep.Fail(Objects.requireNonNull(error, "error == null"), List.of(), take()));
  }

  /** Adds a step whose stream delivers {@code chunks} and then fails with {@code error}. */
  public ScriptedProviderBuilder streamThenFail(List<ChatChunk> chunks, CodexException error) {
    return add(new ScriptStep.Fail(error, List.copyOf(chunks), take()));
  }

  /** Adds a step that delivers {@code chunks} (when streaming) and then never answers. */
  public ScriptedProviderBuilder stall(List<ChatChunk> chunks) {
    return add(new ScriptStep.Stall(List.copyOf(chunks), take()));
  }

  /** Delays the next step added by {@code delay}. */
  public ScriptedProviderBuilder delay(Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay");
    }
    this.nextDelay = delay;
    return this;
  }

  /** Replays the last step for every call after the script runs out (for budget tests). */
  public ScriptedProviderBuilder repeatLast() {
    this.repeatLast = true;
    return this;
  }

  /** Sets how many characters each streamed text delta carries; 4 by default. */
  public ScriptedProviderBuilder pieceSize(int characters) {
    if (characters <= 0) {
      throw new IllegalArgumentException("pieceSize must be > 0");
    }
    this.pieceSize = characters;
    return this;
  }

  /** Sets a pause before each streamed chunk; none by default. */
  public ScriptedProviderBuilder chunkDelay(Duration delay) {
    this.chunkDelay = Objects.requireNonNull(delay, "delay == null");
    return this;
  }

  /** Lets the provider embed, with {@code model}. */
  public ScriptedProviderBuilder embeddings(EmbeddingModel model) {
    this.embeddings = Objects.requireNonNull(model, "model == null");
    return this;
  }

  /** Adds a code-completion answer (the last one repeats). */
  public ScriptedProviderBuilder completion(CompletionResponse response) {
    completions.add(Objects.requireNonNull(response, "response == null"));
    return this;
  }

  /** Sets the models the provider lists. */
  public ScriptedProviderBuilder models(List<ModelInfo> list) {
    models.clear();
    models.addAll(list);
    return this;
  }

  /** Returns the provider. */
  public ScriptedProvider build() {
    return factory.apply(this);
  }

  private ScriptedProviderBuilder add(ScriptStep step) {
    steps.add(step);
    return this;
  }

  private Duration take() {
    Duration d = nextDelay;
    nextDelay = Duration.ZERO;
    return d;
  }
}
