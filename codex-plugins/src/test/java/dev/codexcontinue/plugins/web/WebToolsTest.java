package dev.codexcontinue.plugins.web;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.http.Fixtures;
import dev.codexcontinue.plugins.net.SsrfGuard;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code web_fetch} and {@code web_search} as tools: guard, content types, caps, output. */
final class WebToolsTest {
  private final MockWebServer server = new MockWebServer();
  private WebTools web;

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    if (web != null) {
      web.close();
    }
    server.close();
  }

  private String local(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  private WebTools trusting(WebTools.Builder b) {
    web = b.guard(SsrfGuard.builder().trustHost("127.0.0.1:" + server.getPort()).build()).build();
    return web;
  }

  private static Tool tool(WebTools tools, String name) {
    return tools.tools().stream()
        .filter(t -> t.spec().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static ToolResult fetch(WebTools tools, String url) {
    return tool(tools, "web_fetch")
        .execute(ToolCall.of("c", "web_fetch", "{\"url\":\"" + url + "\"}"), ToolContext.none());
  }

  @Test
  void fetch_htmlPage_returnsTitleAndReadableText() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/html")
            .body(new Buffer().write(Fixtures.bytes(getClass(), "web/page-latin1.html")))
            .build());
    WebTools tools = trusting(WebTools.builder());

    ToolResult result = fetch(tools, local("/tram"));

    assertThat(result.isError()).isFalse();
    assertThat(result.content())
        .startsWith("URL: " + local("/tram") + "\nTitle: Grüße aus München\n\n")
        .contains("Die Straßenbahn fährt pünktlich.")
        .doesNotContain("do not show");
    RecordedRequest sent = server.takeRequest(5, SECONDS);
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getHeaders().get("Accept")).startsWith("text/html");
  }

  @Test
  void fetch_plainTextWithCharset_isDecodedAndCapped() {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/plain; charset=ISO-8859-1")
            .body(
                new Buffer()
                    .write(
                        "café "
                            .repeat(1000)
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
            .build());
    WebTools tools = trusting(WebTools.builder());

    ToolResult result =
        tool(tools, "web_fetch")
            .execute(
                ToolCall.of(
                    "c", "web_fetch", "{\"url\":\"" + local("/t") + "\",\"max_chars\":300}"),
                ToolContext.none());

    assertThat(result.content()).contains("café café").contains("[truncated: ");
    assertThat(result.content().length()).isLessThan(400);
  }

  @Test
  void fetch_binaryContentType_isRefused() {
    server.enqueue(
        new MockResponse.Builder().setHeader("Content-Type", "image/png").body("PNG").build());
    WebTools tools = trusting(WebTools.builder());

    ToolResult result = fetch(tools, local("/logo.png"));

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("image/png");
  }

  @Test
  void fetch_pageLargerThanTheCap_isAnError() {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/html")
            .body("<p>" + "x".repeat(10_000) + "</p>")
            .build());
    WebTools tools = trusting(WebTools.builder().maxPageBytes(2048));

    ToolResult result = fetch(tools, local("/big"));

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("larger than 2048 bytes");
  }

  @Test
  void fetch_notFound_reportsTheStatus() {
    server.enqueue(new MockResponse.Builder().code(404).body("no such page").build());
    WebTools tools = trusting(WebTools.builder());

    ToolResult result = fetch(tools, local("/missing"));

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("HTTP 404", "no such page");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:PORT/",
        "http://2130706433:PORT/",
        "http://0x7f.1:PORT/",
        "http://[::ffff:127.0.0.1]:PORT/",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd"
      })
  void fetch_forbiddenUrl_isRefusedAndTheServerSeesNothing(String template) {
    web = WebTools.builder().build();
    String url = template.replace("PORT", Integer.toString(server.getPort()));
    server.enqueue(new MockResponse.Builder().body("secret").build());

    ToolResult result = fetch(web, url);

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("refused by the SSRF guard");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void fetch_spec_readsOnlyAndDescribesTheUrl() {
    web = WebTools.builder().build();
    Tool fetch = tool(web, "web_fetch");

    assertThat(fetch.defaultPermission()).isEqualTo(ToolPermission.ALLOW);
    assertThat(fetch.describeCall(ToolCall.of("c", "web_fetch", "{\"url\":\"https://a.test/x\"}")))
        .isEqualTo("GET https://a.test/x");
    assertThat(web.tools()).extracting(t -> t.spec().name()).containsExactly("web_fetch");
  }

  @Test
  void search_listsNumberedHitsAndDescribesTheBackendCall() {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/json")
            .body(Fixtures.text(getClass(), "web/searxng.json"))
            .build());
    web =
        WebTools.builder()
            .settings(Settings.builder().put("web.searxng-url", local("")).build())
            .build();
    Tool search = tool(web, "web_search");

    ToolResult result =
        search.execute(
            ToolCall.of("c", "web_search", "{\"query\":\"java virtual threads\"}"),
            ToolContext.none());

    assertThat(result.content())
        .startsWith("1. JEP 444: Virtual Threads\n   https://openjdk.org/jeps/444\n   Introduce")
        .contains("2. Virtual Threads - Oracle Help Center");
    assertThat(search.defaultPermission()).isEqualTo(ToolPermission.ALLOW);
    assertThat(search.describeCall(ToolCall.of("c", "web_search", "{\"query\":\"a b\"}")))
        .startsWith("GET " + local("/search?q=a%20b&format=json"));
  }

  @Test
  void settings_bothBackendsWithoutAChoice_isAConfigurationError() {
    Settings both =
        Settings.builder()
            .put("web.searxng-url", "http://localhost:8888")
            .put("web.brave-api-key", "BSA_TEST_key")
            .build();

    assertThatThrownBy(() -> WebTools.builder().settings(both))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("web.backend");
    try (WebTools chosen =
        WebTools.builder()
            .settings(
                Settings.builder()
                    .put("web.searxng-url", "http://localhost:8888")
                    .put("web.brave-api-key", "BSA_TEST_key")
                    .put("web.backend", "brave")
                    .build())
            .build()) {
      assertThat(chosen.searchBackend())
          .hasValueSatisfying(b -> assertThat(b.name()).isEqualTo("brave"));
    }
  }
}
