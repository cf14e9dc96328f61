package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.CodexException;
import java.util.concurrent.CompletableFuture;

/**
 * Streams the model call and forwards its chunks to the turn's consumer as they arrive; the
 * assembled response ends the wait.
 */
final class StreamingInvoker implements ModelInvoker {
  @Override
  public ChatResponse call(ChatRequest request, TurnContext turn) {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    Cancellable handle =
        turn.runtime.provider().stream(
            request,
            new StreamListener() {
              @Override
              public void onChunk(ChatChunk chunk) {
                if (turn.firstChunkNanos == 0) {
                  turn.firstChunkNanos = System.nanoTime();
                }
                if (!done.isDone()) {
                  turn.emit(chunk);
                }
              }

              @Override
              public void onComplete(ChatResponse response) {
                done.complete(response);
              }

              @Override
              public void onError(CodexException error) {
                done.completeExceptionally(error);
              }
            });
    return ModelInvoker.await(done, handle::cancel, turn);
  }

  @Override
  public boolean streams() {
    return true;
  }
}
