package dev.codexcontinue.provider.ollama;

import static dev.codexcontinue.provider.ollama.OllamaTestSupport.assertValid;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.body;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.fixture;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.path;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Embedding;
import dev.codexcontinue.api.EmbeddingRequest;
import dev.codexcontinue.api.EmbeddingResponse;
import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.http.LeakCheck;
import java.time.OffsetDateTime;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Embeddings and the model-management calls, against their fixtures. */
@Timeout(30)
final class OllamaModelsTest {
  private final MockWebServer server = new MockWebServer();
  private OllamaProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider = OllamaTestSupport.builderFor(server).embeddingModel("all-minilm").build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  private RecordedRequest sent(String method, String endpoint) {
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo(method);
    assertThat(path(request)).isEqualTo(endpoint);
    return request;
  }

  @Test
  void embed_oneInput_sendsAStringAndReadsTheNestedVector() {
    server.enqueue(OllamaResponses.fixture("embed.response.json"));

    EmbeddingResponse response =
        provider.embed(EmbeddingRequest.of(List.of("Why is the sky blue?")));

    var sentBody = body(sent("POST", "/api/embed"));
    assertValid("EmbedRequest", sentBody);
    assertThat(sentBody).isEqualTo(fixture("embed.request.json"));
    assertThat(response.embeddings()).hasSize(1);
    assertThat(response.vectors().get(0)).hasSize(10).startsWith(0.010071029f, -0.0017594862f);
    assertThat(response.usage()).isEqualTo(new TokenUsage(8, 0));
    assertThat(response.model()).contains("all-minilm");
  }

  @Test
  void embed_batch_sendsOneCallWithTruncateDimensionsAndKeepAlive() {
    provider.close();
    provider =
        OllamaTestSupport.builderFor(server)
            .embeddingModel("all-minilm")
            .truncateEmbeddings(true)
            .keepAlive("5m")
            .build();
    server.enqueue(OllamaResponses.fixture("embed-multi.response.json"));

    EmbeddingResponse response =
        provider.embed(
            EmbeddingRequest.of(List.of("Why is the sky blue?", "Why is the grass green?"))
                .withDimensions(10));

    var sentBody = body(sent("POST", "/api/embed"));
    assertValid("EmbedRequest", sentBody);
    assertThat(sentBody).isEqualTo(fixture("embed-multi.request.json"));
    assertThat(response.embeddings()).extracting(Embedding::index).containsExactly(0, 1);
    assertThat(response.vectors().get(1)[0]).isEqualTo(-0.0098027075f);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void embed_serverWithoutApiEmbed_fallsBackToTheLegacyRouteForGood() {
    MockResponse noRoute =
        new MockResponse.Builder()
            .code(404)
            .setHeader("Content-Type", "text/plain")
            .body("404 page not found")
            .build();
    server.enqueue(noRoute);
    server.enqueue(OllamaResponses.fixture("embeddings-legacy.response.json"));
    server.enqueue(OllamaResponses.fixture("embeddings-legacy.response.json"));
    String text = "Here is an article about llamas...";

    EmbeddingResponse first = provider.embed(EmbeddingRequest.of(List.of(text)));
    EmbeddingResponse second = provider.embed(EmbeddingRequest.of(List.of(text)));

    sent("POST", "/api/embed");
    assertThat(body(sent("POST", "/api/embeddings")))
        .isEqualTo(fixture("embeddings-legacy.request.json"));
    sent("POST", "/api/embeddings");
    assertThat(first.vectors().get(0)).hasSize(10).startsWith(0.5670403838157654f);
    assertThat(second.vectors().get(0)).isEqualTo(first.vectors().get(0));
  }

  @Test
  void embed_missingModel_isModelNotFoundNotAFallback() {
    server.enqueue(OllamaResponses.json(404, "{\"error\":\"model 'all-minilm' not found\"}"));

    assertThatThrownBy(() -> provider.embed(EmbeddingRequest.of(List.of("x"))))
        .isInstanceOf(ModelNotFoundException.class)
        .hasMessageContaining("ollama pull all-minilm");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void embed_countMismatch_isMalformed() {
    server.enqueue(OllamaResponses.fixture("embed.response.json"));

    assertThatThrownBy(() -> provider.embed(EmbeddingRequest.of(List.of("a", "b"))))
        .isInstanceOf(dev.codexcontinue.api.exception.ProviderException.class)
        .isNotInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("1 embeddings for 2 inputs");
  }

  @Test
  void models_listsThePulledModels() {
    server.enqueue(OllamaResponses.fixture("tags.response.json"));

    List<ModelInfo> models = provider.models();

    sent("GET", "/api/tags");
    assertThat(models)
        .extracting(ModelInfo::id)
        .containsExactly("deepseek-r1:latest", "llama3.2:latest");
  }

  @Test
  void show_readsContextLengthCapabilitiesAndDetails() {
    server.enqueue(OllamaResponses.fixture("show.response.json"));

    OllamaModelDetails details = provider.show("llava");

    var sentBody = body(sent("POST", "/api/show"));
    assertValid("ShowRequest", sentBody);
    assertThat(sentBody).isEqualTo(fixture("show.request.json"));
    assertThat(details.contextLength()).hasValue(8192);
    assertThat(details.capabilities()).containsExactly("completion", "vision");
    assertThat(details.hasCapability("tools")).isFalse();
    assertThat(details.family()).isEqualTo("llama");
    assertThat(details.parameterSize()).isEqualTo("8.0B");
    assertThat(details.quantizationLevel()).isEqualTo("Q4_0");
    assertThat(details.template()).contains("{{ .Prompt }}");
    assertThat(details.parameters()).startsWith("num_keep");
    assertThat(details.modelInfo()).containsEntry("general.architecture", "llama");
    assertThat(details.modifiedAt())
        .contains(OffsetDateTime.parse("2025-08-14T15:49:43.634137516-07:00"));
  }

  @Test
  void showVerbose_asksForTheVerboseAnswer() {
    server.enqueue(OllamaResponses.fixture("show.response.json"));

    provider.showVerbose("llava");

    var sentBody = body(sent("POST", "/api/show"));
    assertValid("ShowRequest", sentBody);
    assertThat(sentBody).isEqualTo(fixture("show-verbose.request.json"));
  }

  @Test
  void running_readsSizesAndExpiry() {
    server.enqueue(OllamaResponses.fixture("ps.response.json"));

    List<RunningModel> running = provider.running();

    sent("GET", "/api/ps");
    assertThat(running)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.name()).isEqualTo("mistral:latest");
              assertThat(m.sizeBytes()).isEqualTo(5137025024L);
              assertThat(m.vramBytes()).isEqualTo(5137025024L);
              assertThat(m.digest()).startsWith("2ae6f6dd");
              assertThat(m.expiresAt())
                  .contains(OffsetDateTime.parse("2024-06-04T14:38:31.83753-07:00"));
            });
  }

  @Test
  void version_readsTheServerVersion() {
    server.enqueue(OllamaResponses.fixture("version.response.json"));

    assertThat(provider.version()).isEqualTo("0.5.1");
    sent("GET", "/api/version");
  }

  @Test
  void models_afterShow_carryTheContextLength() {
    server.enqueue(OllamaResponses.fixture("show.response.json"));
    server.enqueue(
        OllamaResponses.json(
            200, "{\"models\":[{\"name\":\"llava\",\"model\":\"llava\",\"size\":1}]}"));

    provider.show("llava");
    assertThat(provider.models()).containsExactly(ModelInfo.of("llava").withContextLength(8192));
  }
}
