package dev.codexcontinue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ask, chat and complete end to end against MockWebServer speaking OpenAI SSE and Ollama NDJSON.
 */
@Timeout(60)
final class ProviderCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  @TempDir Path work;
  ProviderServer server;

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.close();
    }
  }

  private CliRun openAi() throws Exception {
    server = ProviderServer.openAi();
    return new CliRun(home, work)
        .env("OPENAI_API_KEY", "sk-test-key")
        .env("OPENAI_BASE_URL", server.url("/v1"));
  }

  private CliRun ollama() throws Exception {
    server = ProviderServer.ollama();
    return new CliRun(home, work).env("OLLAMA_HOST", server.url("/"));
  }

  @Test
  void ask_openAiStream_printsAnswerAndSendsQuestionWithStdin() throws Exception {
    CliRun cli = openAi();
    server.sse(
        "/v1/chat/completions",
        ProviderServer.fixture("openai/chat-completion-stream-content.sse"));

    CliRun.Result r = cli.stdin("diff --git a/x b/x\n+added line\n").run("ask", "review", "this");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Hello! How can I assist you today?");
    JsonNode body = JSON.readTree(server.requests("/v1/chat/completions").get(0).body());
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(body.path("stream").asBoolean()).isTrue();
    String user =
        body.path("messages").get(body.path("messages").size() - 1).path("content").toString();
    assertThat(user).contains("review this").contains("+added line");
  }

  @Test
  void askJson_printsOneObjectForScripts() throws Exception {
    CliRun cli = openAi();
    server.sse("/v1/chat/completions", Sse.text("4", "2"));

    CliRun.Result r = cli.run("ask", "--json", "--model", "gpt-test", "6*7?");

    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode out = JSON.readTree(r.out());
    assertThat(out.path("answer").asText()).isEqualTo("42");
    assertThat(out.path("provider").asText()).isEqualTo("openai");
    assertThat(out.path("model").asText()).isEqualTo("gpt-test");
    assertThat(out.path("stopReason").asText()).isEqualTo("COMPLETED");
    assertThat(
            JSON.readTree(server.requests("/v1/chat/completions").get(0).body())
                .path("model")
                .asText())
        .isEqualTo("gpt-test");
  }

  @Test
  void ask_withoutQuestion_exits2() throws Exception {
    assertThat(openAi().run("ask").code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void ask_ollamaFallback_streamsNdjsonWithFirstListedModel() throws Exception {
    CliRun cli = ollama();
    server.ndjson("/api/chat", ProviderServer.fixture("ollama/chat.stream.ndjson"));

    CliRun.Result r = cli.run("ask", "why is the sky blue?");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("The sky appears blue because of Rayleigh scattering.");
    JsonNode body = JSON.readTree(server.requests("/api/chat").get(0).body());
    assertThat(body.path("model").asText()).isEqualTo("deepseek-r1:latest");
  }

  @Test
  void ask_providerError_exits1WithMessage() throws Exception {
    CliRun cli = openAi();
    server.answer(
        "/v1/chat/completions",
        new mockwebserver3.MockResponse.Builder()
            .code(401)
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-key\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")
            .build());

    CliRun.Result r = cli.run("ask", "hi");

    assertThat(r.code()).isEqualTo(ExitCode.ERROR);
    assertThat(r.err()).startsWith("codexctl: ").doesNotContain("sk-test-key");
  }

  @Test
  void complete_ollamaFim_printsInsertionAndSplitsAtCursor() throws Exception {
    CliRun cli = ollama().env("CODEX_OLLAMA_COMPLETION_MODEL", "codellama:code");
    server.json(
        "/api/generate", ProviderServer.fixture("ollama/generate-suffix-fim.response.json"));
    Files.writeString(work.resolve("gcd.py"), "def compute_gcd(a, b):\n\nreturn result\n");

    CliRun.Result r = cli.run("complete", "gcd.py", "2:1");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("return compute_gcd(b % a, a)");
    JsonNode body = JSON.readTree(server.requests("/api/generate").get(0).body());
    assertThat(body.path("prompt").asText()).isEqualTo("def compute_gcd(a, b):\n");
    assertThat(body.path("suffix").asText()).isEqualTo("\nreturn result\n");
  }

  private CliRun tabby() throws Exception {
    server = new ProviderServer();
    server.json(
        "/v1/health", ProviderServer.fixture("tabby/health-current-source-shape.response.json"));
    return new CliRun(home, work)
        .env("TABBY_ENDPOINT", server.url("/"))
        .env("TABBY_TOKEN", "auth_secret");
  }

  @Test
  void complete_tabby_printsCompletionAndSendsSegments() throws Exception {
    CliRun cli = tabby();
    server.json("/v1/completions", ProviderServer.fixture("tabby/completion.response.json"));
    Files.writeString(work.resolve("fib.py"), "def fib(n):\n    \n");

    CliRun.Result r = cli.run("complete", "--json", "fib.py", "2:5");

    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode out = JSON.readTree(r.out());
    assertThat(out.path("completion").asText()).startsWith("if n <= 1:");
    assertThat(out.path("provider").asText()).isEqualTo("tabby");
    JsonNode body = JSON.readTree(server.requests("/v1/completions").get(0).body());
    assertThat(body.path("language").asText()).isEqualTo("python");
    assertThat(body.path("segments").path("prefix").asText()).isEqualTo("def fib(n):\n    ");
  }

  @Test
  void ask_tabbyChat_streamsOpenAiStyleAnswer() throws Exception {
    CliRun cli = tabby();
    server.sse("/v1/chat/completions", ProviderServer.fixture("tabby/chat-completions.stream.sse"));

    CliRun.Result r = cli.run("ask", "reverse a string in python");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("def reverse(s):\n    return s[::-1]");
  }

  @Test
  void doctor_tabby_showsItsModelsFromHealth() throws Exception {
    CliRun.Result r = tabby().run("doctor");

    assertThat(r.out()).contains("reachable; models: TabbyML/StarCoder-1B");
    assertThat(r.out()).doesNotContain("auth_secret");
  }

  @Test
  void complete_cursorPastLine_exits2() throws Exception {
    CliRun cli = ollama();
    Files.writeString(work.resolve("a.py"), "x = 1\n");

    CliRun.Result r = cli.run("complete", "a.py", "1:99");

    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("past its end");
  }

  @Test
  void doctor_reachableOpenAi_listsItsModels() throws Exception {
    CliRun.Result r = openAi().run("doctor");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("openai").contains("reachable; models: gpt-4o-mini");
    assertThat(r.out()).doesNotContain("sk-test-key");
  }
}
