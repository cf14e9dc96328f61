package dev.codexcontinue.provider.tabby;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpTransport;
import dev.codexcontinue.provider.tabby.internal.Json;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports what users do with completions to Tabby's {@code POST /v1/events}, without blocking and
 * without ever failing the caller: each method returns at once, the request runs on the transport's
 * dispatcher, and a failure is logged (at WARN for the first event the server rejects, at DEBUG
 * otherwise) and reported only as {@code false} in the returned future. Thread-safe.
 *
 * <pre>{@code
 * CompletionResponse answer = tabby.complete(request);
 * tabby.events().view(answer.id(), 0);
 * // ... the user presses Tab
 * tabby.events().select(answer.id(), 0);
 * }</pre>
 */
public final class TabbyEvents {
  private static final Logger log = LoggerFactory.getLogger(TabbyEvents.class);

  private final String provider;
  private final HttpTransport transport;
  private final HttpUrl url;
  private final Consumer<HttpCall.Builder> authorize;
  private final AtomicBoolean warned = new AtomicBoolean();

  TabbyEvents(
      String provider, HttpTransport transport, HttpUrl url, Consumer<HttpCall.Builder> authorize) {
    this.provider = provider;
    this.transport = transport;
    this.url = url;
    this.authorize = authorize;
  }

  /** Reports that choice {@code choiceIndex} of completion {@code completionId} was shown. */
  public CompletableFuture<Boolean> view(String completionId, int choiceIndex) {
    return send(TabbyEvent.builder(TabbyEvent.Type.VIEW, completionId, choiceIndex).build());
  }

  /** Reports that the choice was accepted whole. */
  public CompletableFuture<Boolean> select(String completionId, int choiceIndex) {
    return send(TabbyEvent.builder(TabbyEvent.Type.SELECT, completionId, choiceIndex).build());
  }

  /** Reports that one line of the choice was accepted (partial acceptance). */
  public CompletableFuture<Boolean> selectLine(String completionId, int choiceIndex) {
    return send(
        TabbyEvent.builder(TabbyEvent.Type.SELECT, completionId, choiceIndex).line(true).build());
  }

  /** Reports that the choice was dismissed. */
  public CompletableFuture<Boolean> dismiss(String completionId, int choiceIndex) {
    return send(TabbyEvent.builder(TabbyEvent.Type.DISMISS, completionId, choiceIndex).build());
  }

  /**
   * Sends {@code event} and returns at once. The future completes on a transport thread with {@code
   * true} when the server accepted the event and {@code false} when it did not or could not be
   * reached; it never completes exceptionally.
   */
  public CompletableFuture<Boolean> send(TabbyEvent event) {
    Objects.requireNonNull(event, "event == null");
    try {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("type", event.type().wireValue());
      body.put("completion_id", event.completionId());
      body.put("choice_index", event.choiceIndex());
      event.viewId().ifPresent(v -> body.put("view_id", v));
      event
          .elapsed()
          .ifPresent(e -> body.put("elapsed", (int) Math.min(Integer.MAX_VALUE, e.toMillis())));
      // Tabby reads the kind of a select from the query string, not from the body.
      HttpUrl target =
          event.isLine() ? url.newBuilder().addQueryParameter("select_kind", "line").build() : url;
      HttpCall.Builder call =
          HttpCall.of("POST", target).jsonBody(body.toString()).operation("event");
      authorize.accept(call);
      return transport
          .executeAsync(call.build())
          .handle(
              (result, error) -> {
                if (error == null) {
                  return true;
                }
                logFailure(event, error);
                return false;
              });
    } catch (RuntimeException e) {
      logFailure(event, e);
      return CompletableFuture.completedFuture(false);
    }
  }

  private void logFailure(TabbyEvent event, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    boolean rejected =
        cause instanceof ProviderException p
            && p.statusCode().orElse(0) >= 400
            && p.statusCode().orElse(0) < 500;
    if (rejected && warned.compareAndSet(false, true)) {
      log.warn(
          "{}: the server rejected a {} event ({}); later rejections are logged at DEBUG",
          provider,
          event.type().wireValue(),
          cause.getMessage());
    } else {
      log.debug(
          "{}: {} event not delivered: {}",
          provider,
          event.type().wireValue(),
          String.valueOf(cause));
    }
  }

  @Override
  public String toString() {
    return "TabbyEvents[" + provider + "]";
  }
}
