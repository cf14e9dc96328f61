package dev.codexcontinue.provider.ollama;

import dev.codexcontinue.http.RawBodies;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;

/** MockWebServer responses in Ollama's wire format. */
final class OllamaResponses {
  /** How a streamed body is fed to the client. */
  enum Feed {
    WHOLE,
    CHUNKED_1_BYTE,
    THROTTLED
  }

  private OllamaResponses() {}

  /** Returns a JSON response. */
  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  /** Returns a fixture as a 200 JSON response. */
  static MockResponse fixture(String name) {
    return json(200, OllamaTestSupport.text(name));
  }

  /** Returns a (pretty-printed) JSON fixture as a stream of its one object on one line. */
  static MockResponse oneLineStream(String name) {
    return ndjson(OllamaTestSupport.fixture(name).toString() + "\n", Feed.WHOLE);
  }

  /** Returns an NDJSON stream fed as {@code feed} says. */
  static MockResponse ndjson(String body, Feed feed) {
    MockResponse.Builder b =
        new MockResponse.Builder().setHeader("Content-Type", "application/x-ndjson");
    return switch (feed) {
      case WHOLE -> b.body(body).build();
      case CHUNKED_1_BYTE -> b.chunkedBody(body, 1).build();
      case THROTTLED -> b.body(body).throttleBody(1, 100, TimeUnit.MICROSECONDS).build();
    };
  }

  /** Returns a chat answer of {@code text}, whole ({@code stream: false}). */
  static MockResponse chatText(String text) {
    return json(200, finalLine(text));
  }

  /** Returns a chat stream that sends {@code text} a word at a time. */
  static MockResponse chatStream(String text) {
    StringBuilder body = new StringBuilder();
    for (String word : text.split("(?<= )")) {
      body.append(line(word)).append('\n');
    }
    body.append(finalLine("")).append('\n');
    return ndjson(body.toString(), Feed.WHOLE);
  }

  /** Returns one streamed chat line carrying {@code content}. */
  static String line(String content) {
    return "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":"
        + "\"assistant\",\"content\":"
        + OllamaTestSupport.JSON.valueToTree(content)
        + "},\"done\":false}";
  }

  /** Returns the final chat line, carrying {@code content}. */
  static String finalLine(String content) {
    return "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":"
        + "\"assistant\",\"content\":"
        + OllamaTestSupport.JSON.valueToTree(content)
        + "},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":12,\"eval_count\":5}";
  }

  /**
   * Returns a stream that sends one content line and then nothing, holding the connection open
   * until the client goes away or 30 s pass.
   */
  static MockResponse stalledStream() {
    return RawBodies.of(
        "application/x-ndjson",
        sink -> {
          sink.writeUtf8(line("partial") + "\n").flush();
          for (int i = 0; i < 600; i++) {
            RawBodies.pause(50);
            // A blank line is skipped by the decoder; writing it notices a closed socket.
            sink.writeUtf8("\n").flush();
          }
        });
  }
}
