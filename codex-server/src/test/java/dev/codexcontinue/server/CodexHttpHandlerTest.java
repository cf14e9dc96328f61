package dev.codexcontinue.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.test.ScriptedProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The plain handler API, as a host's own server would mount it: no socket involved. */
@Timeout(20)
final class CodexHttpHandlerTest {
  @Test
  void handle_mountedWithoutAServer_answersChatAndChecksTheAllowedHost() {
    try (CodexHttpHandler handler =
        CodexHttpHandler.builder()
            .provider(ScriptedProvider.builder().reply("Mounted answer.").build())
            .allowHost("codex.example.com")
            .build()) {
      FakeResponse ok = new FakeResponse();
      handler.handle(
          new FakeRequest(
              "POST",
              "/v1/chat/completions",
              Map.of("Host", "codex.example.com"),
              "{\"model\":\"codex-agent\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
          ok);
      assertThat(ok.status).isEqualTo(200);
      assertThat(ok.headers).containsEntry("content-type", "application/json");
      assertThat(ok.body()).contains("\"content\":\"Mounted answer.\"");

      FakeResponse foreign = new FakeResponse();
      handler.handle(
          new FakeRequest("GET", "/v1/models", Map.of("Host", "evil.example"), ""), foreign);
      assertThat(foreign.status).isEqualTo(403);

      FakeResponse unknown = new FakeResponse();
      handler.handle(
          new FakeRequest("GET", "/v2/nothing", Map.of("Host", "codex.example.com"), ""), unknown);
      assertThat(unknown.status).isEqualTo(404);
      assertThat(unknown.body()).contains("\"error\"");

      FakeResponse wrongMethod = new FakeResponse();
      handler.handle(
          new FakeRequest("DELETE", "/v1/models", Map.of("Host", "codex.example.com"), ""),
          wrongMethod);
      assertThat(wrongMethod.status).isEqualTo(405);
    }
  }

  private record FakeRequest(
      String method, String path, Map<String, String> headers, String content)
      implements ServerRequest {
    @Override
    public String rawQuery() {
      return "";
    }

    @Override
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst();
    }

    @Override
    public InputStream body() {
      return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final class FakeResponse implements ServerResponse {
    final Map<String, String> headers = new LinkedHashMap<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status;

    @Override
    public void header(String name, String value) {
      headers.put(name.toLowerCase(Locale.ROOT), value);
    }

    @Override
    public OutputStream send(int status, long contentLength) {
      this.status = status;
      return out;
    }

    String body() {
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
