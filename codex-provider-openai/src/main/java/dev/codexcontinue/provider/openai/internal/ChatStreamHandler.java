package dev.codexcontinue.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.ProviderStreamException;
import dev.codexcontinue.api.exception.StreamProtocolException;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.StreamEvent;
import dev.codexcontinue.http.StreamHandler;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns chat completion SSE events into chunks for a {@link StreamListener}: {@code [DONE]} ends
 * the stream, a payload with a top-level {@code error} fails it (even under HTTP 200), and the
 * listener's terminal call carries the assembled response, tool calls included.
 */
final class ChatStreamHandler implements StreamHandler {
  private final StreamListener listener;
  private final String provider;
  private final Redactor redactor;
  private final Function<ChatResponse, Optional<CodexException>> completionCheck;
  private final ChatAssembler assembler = new ChatAssembler();
  private long chunks;

  /**
   * Creates the handler; {@code completionCheck} returns an exception to deliver instead of a
   * response (Azure's content filter, when asked to fail on it), or empty.
   */
  ChatStreamHandler(
      StreamListener listener,
      String provider,
      Redactor redactor,
      Function<ChatResponse, Optional<CodexException>> completionCheck) {
    this.listener = listener;
    this.provider = provider;
    this.redactor = redactor;
    this.completionCheck = completionCheck;
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
    if (event.type().equals("error")) {
      throw inBandError(errorPayload(data));
    }
    JsonNode error;
    try {
      error =
          assembler.accept(
              data,
              chunk -> {
                chunks++;
                listener.onChunk(chunk);
              });
    } catch (IOException e) {
      throw new StreamProtocolException(
          "malformed JSON in stream event " + sequence, chunks, ErrorDetails.of(provider), e);
    }
    if (error != null) {
      throw inBandError(error);
    }
    return false;
  }

  @Override
  public void onComplete() {
    ChatResponse response;
    try {
      response = assembler.response();
    } catch (IllegalArgumentException e) {
      listener.onError(
          new StreamProtocolException(
              String.valueOf(e.getMessage()), chunks, ErrorDetails.of(provider), e));
      return;
    }
    Optional<CodexException> failure = completionCheck.apply(response);
    if (failure.isPresent()) {
      listener.onError(failure.get());
    } else {
      listener.onComplete(response);
    }
  }

  @Override
  public void onError(CodexException error) {
    listener.onError(error);
  }

  private static JsonNode errorPayload(String data) {
    try {
      JsonNode node = Json.parse(data);
      JsonNode error = node.get("error");
      return error != null && !error.isNull() ? error : node;
    } catch (IOException e) {
      return Json.MAPPER.getNodeFactory().textNode(data);
    }
  }

  private ProviderStreamException inBandError(JsonNode error) {
    String message = error.isTextual() ? error.asText() : Json.text(error.get("message"));
    ErrorDetails details =
        ErrorDetails.builder(provider)
            .errorCode(error.isObject() ? Json.text(error.get("code")) : null)
            .errorType(error.isObject() ? Json.text(error.get("type")) : null)
            .build();
    return new ProviderStreamException(
        redactor.redact("error in stream from " + provider + ": " + message),
        chunks,
        details,
        null);
  }
}
