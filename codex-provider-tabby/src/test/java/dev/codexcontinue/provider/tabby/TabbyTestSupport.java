package dev.codexcontinue.provider.tabby;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexcontinue.http.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Fixtures, recorded requests and raw HTTP messages for the Tabby tests. */
final class TabbyTestSupport {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TOKEN = "auth_1f2e3d4c5b6a79880716253443526170";

  private TabbyTestSupport() {}

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String fixture) {
    return Fixtures.text(TabbyTestSupport.class, "tabby/" + fixture);
  }

  static JsonNode fixture(String fixture) {
    return json(text(fixture));
  }

  static RecordedRequest take(MockWebServer server) {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(r).as("a request reached the server").isNotNull();
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static JsonNode body(RecordedRequest request) {
    return json(request.getBody().utf8());
  }

  static MockResponse jsonResponse(String fixture) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body(text(fixture))
        .build();
  }

  /**
   * A raw HTTP message of a {@code .http} fixture: start line, headers (names lower-cased), body.
   */
  record HttpMessage(String startLine, Map<String, String> headers, String body) {
    static HttpMessage read(String fixture) {
      String all = text(fixture).replace("\r\n", "\n");
      int blank = all.indexOf("\n\n");
      String[] head = (blank < 0 ? all : all.substring(0, blank)).split("\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.put(
            head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            head[i].substring(colon + 1).strip());
      }
      return new HttpMessage(head[0], headers, blank < 0 ? "" : all.substring(blank + 2));
    }

    /** Returns this response message as a MockWebServer response. */
    MockResponse toResponse() {
      MockResponse.Builder b =
          new MockResponse.Builder().code(Integer.parseInt(startLine.split(" ")[1]));
      headers.forEach(
          (name, value) -> {
            if (!name.equals("content-length")) {
              b.addHeader(name, value);
            }
          });
      return b.body(body).build();
    }
  }
}
