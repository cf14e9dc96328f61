package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import java.util.concurrent.CompletableFuture;

/** Calls the model with {@code chatAsync}, so that cancelling the turn cancels the HTTP call. */
final class BlockingInvoker implements ModelInvoker {
  @Override
  public ChatResponse call(ChatRequest request, TurnContext turn) {
    CompletableFuture<ChatResponse> future = turn.runtime.provider().chatAsync(request);
    return ModelInvoker.await(future, () -> future.cancel(true), turn);
  }
}
