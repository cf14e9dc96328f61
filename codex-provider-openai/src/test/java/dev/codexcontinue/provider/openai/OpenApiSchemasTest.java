package dev.codexcontinue.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The validator the other tests rely on does reject invalid bodies. */
final class OpenApiSchemasTest {
  @Test
  void violations_invalidChatBodies_areReported() {
    assertThat(OpenApiSchemas.violations("CreateChatCompletionRequest", "{\"model\":\"m\"}"))
        .isNotEmpty();
    assertThat(
            OpenApiSchemas.violations(
                "CreateChatCompletionRequest",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                    + "\"temperature\":\"hot\"}"))
        .isNotEmpty();
    assertThat(
            OpenApiSchemas.violations(
                "CreateChatCompletionRequest",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}"))
        .isNotEmpty();
  }

  @Test
  void violations_validChatBody_isEmpty() {
    assertThat(
            OpenApiSchemas.violations(
                "CreateChatCompletionRequest",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
        .isEmpty();
  }

  @Test
  void violations_embeddingWithoutInput_isReported() {
    assertThat(OpenApiSchemas.violations("CreateEmbeddingRequest", "{\"model\":\"m\"}"))
        .isNotEmpty();
  }
}
