package dev.codexcontinue.provider.openai;

import dev.codexcontinue.http.Fixtures;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * Reads the raw HTTP messages of {@code .http} fixtures: a start line, headers, a blank line, a
 * body.
 */
final class HttpMessages {
  /** A parsed message. */
  record Message(String startLine, Map<String, String> headers, String body) {
    /** Returns header {@code name} (case-insensitive), or null. */
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private HttpMessages() {}

  static Message read(String fixture) {
    String text = Fixtures.text(HttpMessages.class, fixture).replace("\r\n", "\n");
    int blank = text.indexOf("\n\n");
    String head = blank < 0 ? text : text.substring(0, blank);
    String body = blank < 0 ? "" : text.substring(blank + 2);
    String[] lines = head.split("\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    return new Message(lines[0], headers, body);
  }

  /** Returns a response fixture as a MockWebServer response (Content-Length recomputed). */
  static MockResponse response(String fixture) {
    Message m = read(fixture);
    MockResponse.Builder b =
        new MockResponse.Builder().code(Integer.parseInt(m.startLine().split(" ")[1]));
    m.headers()
        .forEach(
            (k, v) -> {
              if (!k.equals("content-length")) {
                b.addHeader(k, v);
              }
            });
    return b.body(m.body()).build();
  }
}
