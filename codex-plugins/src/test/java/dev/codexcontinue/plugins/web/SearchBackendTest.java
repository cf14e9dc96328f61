package dev.codexcontinue.plugins.web;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.http.Fixtures;
import dev.codexcontinue.http.RecordingSleeper;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SearxNG and Brave against payloads shaped like their APIs', both directions asserted. */
final class SearchBackendTest {
  private static final String KEY = "BSA_TEST_key_0123456789";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void searxng_jsonApi_readsHitsAndSkipsNonHttpUrls() throws Exception {
    server.enqueue(json(200, Fixtures.text(getClass(), "web/searxng.json")));
    try (SearxngBackend searx =
        SearxngBackend.builder("http://127.0.0.1:" + server.getPort() + "/searx/")
            .language("en")
            .categories("general")
            .build()) {
      List<SearchResult> results = searx.search("java virtual threads", 5);

      assertThat(results).hasSize(2);
      assertThat(results.get(0).title()).isEqualTo("JEP 444: Virtual Threads");
      assertThat(results.get(0).url()).isEqualTo("https://openjdk.org/jeps/444");
      assertThat(results.get(0).snippet()).startsWith("Introduce virtual threads");
      RecordedRequest sent = server.takeRequest(5, SECONDS);
      assertThat(sent.getUrl().encodedPath()).isEqualTo("/searx/search");
      assertThat(sent.getUrl().queryParameter("q")).isEqualTo("java virtual threads");
      assertThat(sent.getUrl().queryParameter("format")).isEqualTo("json");
      assertThat(sent.getUrl().queryParameter("language")).isEqualTo("en");
      assertThat(sent.getUrl().queryParameter("categories")).isEqualTo("general");
    }
  }

  @Test
  void searxng_maxResults_capsTheHits() {
    server.enqueue(json(200, Fixtures.text(getClass(), "web/searxng.json")));
    try (SearxngBackend searx =
        SearxngBackend.builder("http://127.0.0.1:" + server.getPort()).build()) {
      assertThat(searx.search("x", 1)).hasSize(1);
    }
  }

  @Test
  void searxng_jsonFormatDisabled_saysHowToEnableIt() {
    server.enqueue(new MockResponse.Builder().code(403).body("Forbidden").build());
    try (SearxngBackend searx =
        SearxngBackend.builder("http://127.0.0.1:" + server.getPort())
            .sleeper(new RecordingSleeper())
            .build()) {
      assertThatThrownBy(() -> searx.search("x", 5))
          .isInstanceOf(CodexException.class)
          .hasMessageContaining("403")
          .hasMessageContaining("search.formats");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void brave_webSearch_sendsTheKeyHeaderAndStripsHighlighting() throws Exception {
    server.enqueue(json(200, Fixtures.text(getClass(), "web/brave.json")));
    try (BraveBackend brave =
        BraveBackend.builder(Secret.of(KEY))
            .endpoint("http://127.0.0.1:" + server.getPort() + "/res/v1/web/search")
            .country("us")
            .build()) {
      List<SearchResult> results = brave.search("java virtual threads", 5);

      assertThat(results).hasSize(2);
      assertThat(results.get(0).title()).isEqualTo("JEP 444: Virtual Threads");
      assertThat(results.get(0).snippet())
          .isEqualTo("Introduce virtual threads to the Java Platform & more.");
      RecordedRequest sent = server.takeRequest(5, SECONDS);
      assertThat(sent.getHeaders().get("X-Subscription-Token")).isEqualTo(KEY);
      assertThat(sent.getHeaders().get("Accept")).isEqualTo("application/json");
      assertThat(sent.getUrl().queryParameter("count")).isEqualTo("5");
      assertThat(sent.getUrl().queryParameter("country")).isEqualTo("us");
      assertThat(brave.describe("q", 5)).doesNotContain(KEY);
      assertThat(brave.toString()).doesNotContain(KEY);
    }
  }

  @Test
  void brave_rejectedKeyEchoed_isMaskedInTheError() {
    server.enqueue(
        json(422, "{\"type\":\"ErrorResponse\",\"error\":{\"detail\":\"bad token " + KEY + "\"}}"));
    try (BraveBackend brave =
        BraveBackend.builder(Secret.of(KEY))
            .endpoint("http://127.0.0.1:" + server.getPort() + "/res/v1/web/search")
            .build()) {
      assertThatThrownBy(() -> brave.search("x", 5))
          .isInstanceOf(CodexException.class)
          .hasMessageContaining("422")
          .hasMessageNotContaining(KEY);
    }
  }

  @Test
  void brave_countAboveTwenty_isCapped() throws Exception {
    server.enqueue(json(200, "{\"type\":\"search\",\"web\":{\"results\":[]}}"));
    try (BraveBackend brave =
        BraveBackend.builder(Secret.of(KEY))
            .endpoint("http://127.0.0.1:" + server.getPort() + "/")
            .build()) {
      assertThat(brave.search("x", 50)).isEmpty();
      assertThat(server.takeRequest(5, SECONDS).getUrl().queryParameter("count")).isEqualTo("20");
    }
  }

  @Test
  void builders_rejectBadValues() {
    assertThatThrownBy(() -> SearxngBackend.builder("not a url"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SearxngBackend.builder("http://x").safeSearch(3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BraveBackend.builder(null)).isInstanceOf(NullPointerException.class);
  }
}
