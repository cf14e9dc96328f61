package dev.codexcontinue.provider.openai;

import dev.codexcontinue.http.Fixtures;
import dev.codexcontinue.http.RawBodies;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;

/**
 * MockWebServer responses in the OpenAI wire format, for this module's tests and for the shared
 * provider contract test: a plain text reply, a streamed reply, a tool call, each error status, and
 * a stream that stalls (for cancellation).
 */
final class OpenAiResponses {
  /** How a streamed body is fed to the client. */
  enum Feed {
    WHOLE,
    CHUNKED_1_BYTE,
    THROTTLED
  }

  private OpenAiResponses() {}

  /** A chat completion answering {@code Hello! How can I assist you today?}. */
  static MockResponse plainText() {
    return json(200, Fixtures.text(OpenAiResponses.class, "openai/chat-completion.response.json"));
  }

  /** A streamed chat completion answering the same text, with a usage chunk. */
  static MockResponse streamed() {
    return sse(
        Fixtures.text(OpenAiResponses.class, "openai/chat-completion-stream-usage.sse"),
        Feed.WHOLE);
  }

  /** A chat completion asking for {@code get_current_weather} with {@code Boston, MA}. */
  static MockResponse toolCall() {
    return json(
        200, Fixtures.text(OpenAiResponses.class, "openai/chat-completion-tools.response.json"));
  }

  /** An error response with the OpenAI error body for {@code status}. */
  static MockResponse error(int status) {
    String fixture =
        switch (status) {
          case 400 -> "openai/error-400-context-length-exceeded.json";
          case 401, 403 -> "openai/error-401-invalid-api-key.json";
          case 429 -> "openai/error-429-rate-limit-tokens.json";
          default -> "openai/error-500-server-error.json";
        };
    return json(status, Fixtures.text(OpenAiResponses.class, fixture));
  }

  /**
   * A stream that sends one content chunk and then only keep-alive comments, every 50 ms, until the
   * client goes away (the write that fails ends the server side at once).
   */
  static MockResponse stalledStream() {
    String first =
        Fixtures.text(OpenAiResponses.class, "openai/chat-completion-stream-content.sse");
    String firstEvent = first.substring(0, first.indexOf("\n\n") + 2);
    return RawBodies.of(
        "text/event-stream",
        sink -> {
          sink.writeUtf8(firstEvent).flush();
          for (int i = 0; i < 600; i++) {
            RawBodies.pause(50);
            sink.writeUtf8(": keep-alive\n\n").flush();
          }
        });
  }

  /** A JSON response. */
  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** A JSON response whose body is fed as {@code feed} says. */
  static MockResponse json(int status, String body, Feed feed) {
    MockResponse.Builder b =
        new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json");
    return feedBody(b, body, feed);
  }

  /** An SSE response fed as {@code feed} says. */
  static MockResponse sse(String body, Feed feed) {
    return feedBody(
        new MockResponse.Builder().setHeader("Content-Type", "text/event-stream"), body, feed);
  }

  private static MockResponse feedBody(MockResponse.Builder b, String body, Feed feed) {
    return switch (feed) {
      case WHOLE -> b.body(body).build();
      case CHUNKED_1_BYTE -> b.chunkedBody(body, 1).build();
      case THROTTLED -> b.body(body).throttleBody(1, 100, TimeUnit.MICROSECONDS).build();
    };
  }
}
