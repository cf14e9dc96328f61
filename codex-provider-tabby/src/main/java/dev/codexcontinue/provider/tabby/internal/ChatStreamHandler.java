package dev.codexcontinue.provider.tabby.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.IncompleteStreamException;
import dev.codexcontinue.api.exception.ProviderStreamException;
import dev.codexcontinue.api.exception.StreamProtocolException;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.StreamEvent;
import dev.codexcontinue.http.StreamHandler;

/**
 * Turns Tabby's chat SSE into chunks for a {@link StreamListener}. Tabby ends the stream by closing
 * the body, with no {@code [DONE]}: a clean end of input is the normal end (a broken connection is
 * still a {@code StreamInterruptedException}), and {@code [DONE]}, should a server send it, ends
 * the stream too. Keep-alive comments never reach here (the SSE decoder drops them). A payload with
 * a top-level {@code error} fails the stream.
 */
public final class ChatStreamHandler implements StreamHandler {
  private final StreamListener listener;
  private final String provider;
  private final Redactor redactor;
  private final ChatAssembly assembly = new ChatAssembly();
  private long chunks;

  /** Creates the handler for one stream. */
  public ChatStreamHandler(StreamListener listener, String provider, Redactor redactor) {
    this.listener = listener;
    this.provider = provider;
    this.redactor = redactor;
  }

  @Override
  public boolean onEvent(StreamEvent event, long sequence) {
    String data = event.data();
    if (data.equals("[DONE]")) {
      return true;
    }
    if (data.isBlank()) {
      return false;
    }
    JsonNode node;
    try {
      node = Json.parse(data);
    } catch (JsonProcessingException e) {
      throw new StreamProtocolException(
          "malformed JSON in chat stream event " + sequence, chunks, ErrorDetails.of(provider), e);
    }
    JsonNode error = node.get("error");
    if (error != null && !error.isNull()) {
      String message = error.isTextual() ? error.asText() : Json.text(error.get("message"));
      throw new ProviderStreamException(
          redactor.redact("error in chat stream from " + provider + ": " + message),
          chunks,
          ErrorDetails.builder(provider)
              .errorCode(error.isObject() ? Json.text(error.get("code")) : null)
              .build(),
          null);
    }
    assembly.accept(
        node,
        chunk -> {
          chunks++;
          listener.onChunk(chunk);
        });
    return false;
  }

  @Override
  public boolean completesAtEndOfInput() {
    return true;
  }

  @Override
  public void onComplete() {
    if (!assembly.hasChoice()) {
      listener.onError(
          new IncompleteStreamException(
              "the chat stream from " + provider + " ended before any answer",
              chunks,
              ErrorDetails.of(provider),
              null));
      return;
    }
    ChatResponse response;
    try {
      response = assembly.response();
    } catch (IllegalArgumentException e) {
      listener.onError(
          new StreamProtocolException(
              String.valueOf(e.getMessage()), chunks, ErrorDetails.of(provider), e));
      return;
    }
    listener.onComplete(response);
  }

  @Override
  public void onError(CodexException error) {
    listener.onError(error);
  }
}
