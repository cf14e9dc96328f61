package dev.codexcontinue.core.completion;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.TokenUsage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A provider whose completion calls the test answers by hand; chat is not needed here. */
final class FakeCompletionProvider implements Provider {
  /** One call: what was asked and the future the test completes. */
  record Call(CompletionRequest request, CompletableFuture<CompletionResponse> future) {
    void answer(String text) {
      future.complete(response(text));
    }
  }

  final List<Call> calls = new CopyOnWriteArrayList<>();

  static CompletionResponse response(String text) {
    return CompletionResponse.of(
        "cmpl-1", List.of(new CompletionChoice(0, text)), "fake-model", TokenUsage.ZERO);
  }

  Call last() {
    return calls.get(calls.size() - 1);
  }

  @Override
  public CompletableFuture<CompletionResponse> completeAsync(CompletionRequest request) {
    CompletableFuture<CompletionResponse> future = new CompletableFuture<>();
    calls.add(new Call(request, future));
    return future;
  }

  @Override
  public String id() {
    return "fake";
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.CODE_COMPLETION);
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Cancellable stream(ChatRequest request, StreamListener listener) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
