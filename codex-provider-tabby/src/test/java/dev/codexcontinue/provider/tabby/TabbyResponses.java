package dev.codexcontinue.provider.tabby;

import dev.codexcontinue.http.RawBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;

/**
 * MockWebServer responses as Tabby's chat endpoint writes them: chat completion chunks as SSE,
 * ended by the end of the body (never {@code [DONE]}), keep-alive comments while idle, and errors
 * with empty bodies.
 */
final class TabbyResponses {
  /** How a streamed body is fed to the client. */
  enum Feed {
    WHOLE,
    CHUNKED_1_BYTE,
    THROTTLED
  }

  private TabbyResponses() {}

  /** A stream answering {@code text} in three deltas, with a keep-alive comment between. */
  static MockResponse textReply(String text) {
    int third = Math.max(1, text.length() / 3);
    List<String> events = new ArrayList<>();
    events.add(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
    for (int i = 0; i < text.length(); i += third) {
      events.add(
          chunk(
              "{\"content\":" + quote(text.substring(i, Math.min(text.length(), i + third))) + "}",
              null));
    }
    events.add(":\n\n");
    events.add(chunk("{}", "stop"));
    return sse(String.join("", events), Feed.WHOLE);
  }

  /** A stream calling tool {@code name} with {@code arguments} split over two chunks. */
  static MockResponse toolCall(String id, String name, String arguments) {
    int half = arguments.length() / 2;
    String first =
        "{\"tool_calls\":[{\"index\":0,\"id\":\""
            + id
            + "\",\"type\":\"function\",\"function\":"
            + "{\"name\":\""
            + name
            + "\",\"arguments\":"
            + quote(arguments.substring(0, half))
            + "}}]}";
    String second =
        "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
            + quote(arguments.substring(half))
            + "}}]}";
    return sse(chunk(first, null) + chunk(second, null) + chunk("{}", "tool_calls"), Feed.WHOLE);
  }

  /** An error with an empty body, as Tabby sends them. */
  static MockResponse emptyError(int status) {
    return new MockResponse.Builder().code(status).body("").build();
  }

  /** A stream that sends one chunk and then only keep-alive comments until the client leaves. */
  static MockResponse stalledStream() {
    String first = chunk("{\"content\":\"Hel\"}", null);
    return RawBodies.of(
        "text/event-stream",
        sink -> {
          sink.writeUtf8(first).flush();
          for (int i = 0; i < 600; i++) {
            RawBodies.pause(50);
            sink.writeUtf8(":\n\n").flush();
          }
        });
  }

  /** An SSE response fed as {@code feed} says. */
  static MockResponse sse(String body, Feed feed) {
    MockResponse.Builder b =
        new MockResponse.Builder().setHeader("Content-Type", "text/event-stream");
    return switch (feed) {
      case WHOLE -> b.body(body).build();
      case CHUNKED_1_BYTE -> b.chunkedBody(body, 1).build();
      case THROTTLED -> b.body(body).throttleBody(1, 100, TimeUnit.MICROSECONDS).build();
    };
  }

  private static String chunk(String delta, String finishReason) {
    return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + (finishReason == null ? "null" : "\"" + finishReason + "\"")
        + "}]}\n\n";
  }

  private static String quote(String s) {
    return TabbyTestSupport.JSON.getNodeFactory().textNode(s).toString();
  }
}
