package dev.codexcontinue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codexctl serve}: the chosen provider behind the OpenAI-compatible server, until stopped.
 */
@Timeout(60)
final class ServeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)");

  @TempDir Path home;
  @TempDir Path work;
  private ProviderServer provider;

  @AfterEach
  void tearDown() {
    if (provider != null) {
      provider.close();
    }
  }

  @Test
  void serve_openAiProvider_answersOpenAiClientsUntilInterrupted() throws Exception {
    provider = ProviderServer.openAi();
    provider.sse(
        "/v1/chat/completions",
        ProviderServer.fixture("openai/chat-completion-stream-content.sse"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving =
        new Thread(
            () ->
                exit.set(
                    Codexctl.run(
                        context(out, provider.url("/v1")), "serve", "--port", "0", "--no-tools")),
            "codexctl-serve");
    serving.start();
    String base = awaitListening(out);

    HttpResponse<String> models = get(base + "/v1/models");
    HttpResponse<String> chat =
        post(
            base + "/v1/chat/completions",
            "{\"model\":\"codex-agent\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    serving.interrupt();
    serving.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(models.statusCode()).isEqualTo(200);
    assertThat(models.body()).contains("\"object\":\"list\"");
    assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
    assertThat(chat.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(streamedText(chat.body())).isEqualTo("Hello! How can I assist you today?");
    assertThat(chat.body()).endsWith("data: [DONE]\n\n");
    assertThat(provider.requests("/v1/chat/completions")).hasSize(1);
    assertThat(serving.isAlive()).isFalse();
    assertThat(exit.get()).isEqualTo(ExitCode.OK);
  }

  @Test
  void serve_allInterfacesWithoutToken_refusesToStart() throws Exception {
    provider = ProviderServer.openAi();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext context =
        CliContext.builder()
            .in(new ByteArrayInputStream(new byte[0]))
            .out(new PrintStream(out, true, StandardCharsets.UTF_8))
            .err(new PrintStream(err, true, StandardCharsets.UTF_8))
            .environment(environment(provider.url("/v1")))
            .workingDirectory(work)
            .build();

    int code = Codexctl.run(context, "serve", "--host", "0.0.0.0", "--port", "0");

    assertThat(code).isEqualTo(ExitCode.ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).containsIgnoringCase("token");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("codexctl serve:");
  }

  private CliContext context(ByteArrayOutputStream out, String openAiUrl) {
    return CliContext.builder()
        .in(new ByteArrayInputStream(new byte[0]))
        .out(new PrintStream(out, true, StandardCharsets.UTF_8))
        .err(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .environment(environment(openAiUrl))
        .workingDirectory(work)
        .build();
  }

  private Map<String, String> environment(String openAiUrl) {
    return Map.of(
        "CODEX_HOME",
        home.toString(),
        "OPENAI_API_KEY",
        "sk-test-key",
        "OPENAI_BASE_URL",
        openAiUrl,
        "OLLAMA_HOST",
        "http://127.0.0.1:1");
  }

  /** Joins the {@code delta.content} of every chunk of an OpenAI chat stream. */
  private static String streamedText(String sse) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String line : sse.split("\n")) {
      if (line.startsWith("data: {")) {
        JsonNode chunk = JSON.readTree(line.substring("data: ".length()));
        for (JsonNode choice : chunk.path("choices")) {
          text.append(choice.path("delta").path("content").asText(""));
        }
      }
    }
    return text.toString();
  }

  private static String awaitListening(ByteArrayOutputStream out) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(out.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("serve never said where it listens: " + out);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
