package dev.codexcontinue.provider.tabby.internal;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.CodexException;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;

/**
 * A chat answer awaited from a stream (Tabby's chat endpoint only streams): completes with the
 * assembled response or the stream's error; cancelling it cancels the stream, and with it the HTTP
 * call.
 */
public final class ChatFuture extends CompletableFuture<ChatResponse> implements StreamListener {
  @Nullable private volatile Cancellable handle;

  /** Attaches the stream to cancel; cancels it at once when the future is already cancelled. */
  public void attach(Cancellable stream) {
    handle = stream;
    if (isCancelled()) {
      stream.cancel();
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    Cancellable h = handle;
    if (h != null) {
      h.cancel();
    }
    return cancelled;
  }

  @Override
  public void onChunk(ChatChunk chunk) {
    // The whole response arrives with onComplete.
  }

  @Override
  public void onComplete(ChatResponse response) {
    complete(response);
  }

  @Override
  public void onError(CodexException error) {
    completeExceptionally(error);
  }
}
