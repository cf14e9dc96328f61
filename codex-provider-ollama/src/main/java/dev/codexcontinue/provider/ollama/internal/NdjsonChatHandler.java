package dev.codexcontinue.provider.ollama.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.function.Function;

/**
 * Turns the NDJSON lines of {@code /api/chat} or {@code /api/generate} into chunks for a {@link
 * StreamListener}. The line with {@code done: true} ends the stream; a line {@code {"error": ...}}
 * fails it with {@link ProviderStreamException} even under HTTP 200 (Ollama reports failures after
 * the first byte that way); the transport fails a stream that ends without either as incomplete.
 * The listener's terminal call carries the assembled response.
 */
final class NdjsonChatHandler implements StreamHandler {
  private final StreamListener listener;
  private final String provider;
  private final Redactor redactor;
  private final Function<ResponseAssembler, ChatResponse> finisher;
  private final ResponseAssembler assembler = new ResponseAssembler();
  private long chunks;

  /**
   * Creates the handler; {@code finisher} builds the response from the assembled answer (adding the
   * truncation check).
   */
  NdjsonChatHandler(
      StreamListener listener,
      String provider,
      Redactor redactor,
      Function<ResponseAssembler, ChatResponse> finisher) {
    this.listener = listener;
    this.provider = provider;
    this.redactor = redactor;
    this.finisher = finisher;
  }

  @Override
  public boolean onEvent(StreamEvent event, long sequence) {
    JsonNode line;
    try {
      line = Json.parse(event.data());
    } catch (JsonProcessingException e) {
      throw protocol("line " + sequence + " is not valid JSON", e);
    }
    if (!line.isObject()) {
      throw protocol("line " + sequence + " is not a JSON object", null);
    }
    JsonNode error = line.get("error");
    if (error != null && !error.isNull()) {
      String message = error.isTextual() ? error.asText() : error.toString();
      throw new ProviderStreamException(
          redactor.redact("error in stream from " + provider + ": " + message),
          chunks,
          ErrorDetails.builder(provider).statusCode(200).build(),
          null);
    }
    try {
      return assembler.accept(
          line,
          chunk -> {
            chunks++;
            listener.onChunk(chunk);
          });
    } catch (ResponseAssembler.Malformed e) {
      throw protocol(String.valueOf(e.getMessage()), e);
    }
  }

  @Override
  public void onComplete() {
    listener.onComplete(finisher.apply(assembler));
  }

  @Override
  public void onError(CodexException error) {
    listener.onError(error);
  }

  private StreamProtocolException protocol(String what, @javax.annotation.Nullable Throwable e) {
    return new StreamProtocolException(
        "malformed stream from " + provider + ": " + what, chunks, ErrorDetails.of(provider), e);
  }
}
