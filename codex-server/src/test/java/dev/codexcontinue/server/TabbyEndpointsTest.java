package dev.codexcontinue.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexcontinue.api.CodeSnippet;
import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.test.ScriptedProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
final class TabbyEndpointsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void completions_fullTabbyRequest_mapsSegmentsAndAnswersTabbyShape() throws Exception {
    ScriptedProvider provider =
        ScriptedProvider.builder()
            .completion(
                CompletionResponse.of(
                    "cmpl-9",
                    List.of(new CompletionChoice(0, "return math.pi * radius ** 2")),
                    "c",
                    TokenUsage.ZERO))
            .build();
    try (TestServer s = TestServer.start(provider)) {
      JsonNode body =
          JSON.readTree(
              s.post("/tabby/v1/completions", fixture("completion-full.request.json")).body());

      assertThat(body.path("id").asText()).isEqualTo("cmpl-9");
      assertThat(body.path("choices").get(0).path("index").asInt()).isZero();
      assertThat(body.path("choices").get(0).path("text").asText())
          .isEqualTo("return math.pi * radius ** 2");
      CompletionRequest sent = provider.completionRequests().get(0);
      assertThat(sent.prefix()).isEqualTo("import math\n\ndef area(radius):\n    ");
      assertThat(sent.suffix()).isEqualTo("\n\nprint(area(2))\n");
      assertThat(sent.language()).contains("python");
      assertThat(sent.filePath()).contains("src/geometry/circle.py");
      assertThat(sent.gitUrl()).contains("https://github.com/example-org/geometry.git");
      assertThat(sent.clipboard()).contains("math.pi * radius ** 2");
      assertThat(sent.snippets())
          .extracting(CodeSnippet::kind)
          .containsExactly(
              CodeSnippet.Kind.DECLARATION,
              CodeSnippet.Kind.DECLARATION,
              CodeSnippet.Kind.CHANGED_FILE,
              CodeSnippet.Kind.CHANGED_FILE,
              CodeSnippet.Kind.RECENT_FILE);
    }
  }

  @Test
  void completions_withoutSegments_answers400() throws Exception {
    try (TestServer s = TestServer.start(ScriptedProvider.builder().build())) {
      assertThat(s.post("/tabby/v1/completions", "{\"language\":\"python\"}").statusCode())
          .isEqualTo(400);
    }
  }

  @Test
  void events_knownTypeAccepted_unknownType400() throws Exception {
    try (TestServer s = TestServer.start(ScriptedProvider.builder().build())) {
      assertThat(s.post("/tabby/v1/events", fixture("event-select.request.json")).statusCode())
          .isEqualTo(200);
      assertThat(s.post("/tabby/v1/events", "{\"type\":\"teleport\"}").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void health_answersTabbysHealthDocument() throws Exception {
    try (TestServer s = TestServer.start(ScriptedProvider.builder().build())) {
      JsonNode health = JSON.readTree(s.get("/tabby/v1/health").body());
      assertThat(health.path("model").asText()).isEqualTo("codex-agent");
      assertThat(health.path("device").asText()).isNotEmpty();
      assertThat(health.path("version").path("git_describe").asText()).isNotEmpty();
    }
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = TabbyEndpointsTest.class.getResourceAsStream("/fixtures/tabby/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
