package dev.codexcontinue.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The checks the other tests rely on do reject what they must. */
final class OpenApiSchemasTest {
  @Test
  void violations_invalidBodies_areReported() {
    assertThat(OpenApiSchemas.violations("ChatRequest", "{\"model\":\"m\"}")).isNotEmpty();
    assertThat(
            OpenApiSchemas.violations(
                "ChatRequest",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}"))
        .isNotEmpty();
    assertThat(
            OpenApiSchemas.violations(
                "ChatRequest", "{\"model\":\"m\",\"messages\":[],\"think\":\"extreme\"}"))
        .isNotEmpty();
    assertThat(OpenApiSchemas.violations("GenerateRequest", "{\"prompt\":\"x\"}")).isNotEmpty();
    assertThat(OpenApiSchemas.violations("EmbedRequest", "{\"model\":\"m\"}")).isNotEmpty();
  }

  @Test
  void violations_validBody_isEmpty() {
    assertThat(
            OpenApiSchemas.violations(
                "ChatRequest",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                    + "\"think\":\"low\",\"options\":{\"num_ctx\":4096}}"))
        .isEmpty();
  }

  @Test
  void assertSameRequest_differentBodies_fails() {
    assertThatThrownBy(
            () ->
                OllamaTestSupport.assertSameRequest(
                    OllamaTestSupport.json("{\"model\":\"a\",\"prompt\":\"x\"}"),
                    OllamaTestSupport.json("{\"model\":\"b\",\"prompt\":\"x\"}")))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () ->
                OllamaTestSupport.assertSameRequest(
                    OllamaTestSupport.json("{\"model\":\"a\",\"prompt\":\"x\",\"stream\":false}"),
                    OllamaTestSupport.json("{\"model\":\"a\",\"prompt\":\"x\"}")))
        .isInstanceOf(AssertionError.class);
    OllamaTestSupport.assertSameRequest(
        OllamaTestSupport.json("{\"options\":{\"temperature\":0.0},\"prompt\":\"x\"}"),
        OllamaTestSupport.json(
            "{\"prompt\":\"x\",\"stream\":true,\"options\":{\"temperature\":0}}"));
  }
}
