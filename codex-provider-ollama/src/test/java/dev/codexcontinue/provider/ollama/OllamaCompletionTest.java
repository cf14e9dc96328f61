package dev.codexcontinue.provider.ollama;

import static dev.codexcontinue.provider.ollama.OllamaTestSupport.assertSameRequest;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.assertValid;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.body;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.fixture;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.path;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.http.LeakCheck;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Code completion through {@code /api/generate}, against every generate fixture. */
@Timeout(30)
final class OllamaCompletionTest {
  private final MockWebServer server = new MockWebServer();
  private OllamaProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider = OllamaTestSupport.builderFor(server).model("llama3.2").build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  private JsonNode sentGenerate() {
    RecordedRequest request = take(server);
    assertThat(path(request)).isEqualTo("/api/generate");
    JsonNode sent = body(request);
    assertValid("GenerateRequest", sent);
    return sent;
  }

  private CompletionResponse complete(String answer, CompletionRequest request) {
    server.enqueue(OllamaResponses.fixture(answer));
    return provider.complete(request);
  }

  @Test
  void complete_prefixAndSuffix_sendsFillInTheMiddleAndReturnsTheInsertion() {
    CompletionResponse response =
        complete(
            "generate-suffix-fim.response.json",
            CompletionRequest.builder("def compute_gcd(a, b):", "    return result")
                .model("codellama:code")
                .temperature(0)
                .build());

    assertSameRequest(sentGenerate(), fixture("generate-suffix-fim.request.json"));
    assertThat(response.text())
        .isEqualTo(fixture("generate-suffix-fim.response.json").get("response").asText());
    assertThat(response.choices()).hasSize(1);
    assertThat(response.id()).startsWith("cmpl-");
    assertThat(response.model()).contains("codellama:code");
    assertThat(response.usage()).isEqualTo(new TokenUsage(17, 63));
  }

  @Test
  void complete_eachCall_getsItsOwnGeneratedId() {
    CompletionRequest request = CompletionRequest.builder("Why is the sky blue?", "").build();
    CompletionResponse first = complete("generate-nostream.response.json", request);
    CompletionResponse second = complete("generate-nostream.response.json", request);

    assertSameRequest(sentGenerate(), fixture("generate-nostream.request.json"));
    assertThat(first.text()).isEqualTo("The sky is blue because it is the color of the sky.");
    assertThat(first.id()).isNotEqualTo(second.id());
  }

  @Test
  void complete_rawOption_sendsThePromptAsItIs() {
    CompletionResponse response =
        complete(
            "generate-raw.response.json",
            CompletionRequest.builder("[INST] why is the sky blue? [/INST]", "")
                .model("mistral")
                .providerOption("raw", true)
                .build());

    assertSameRequest(sentGenerate(), fixture("generate-raw.request.json"));
    assertThat(response.text()).startsWith(" The sky appears blue");
  }

  @Test
  void complete_rawWithSuffix_writesTheModelsFimPrompt() {
    complete(
        "generate-raw.response.json",
        CompletionRequest.builder("def add(a, b):\n", "\nprint(add(1, 2))")
            .model("qwen2.5-coder:1.5b-base")
            .providerOption("raw", true)
            .build());

    JsonNode sent = sentGenerate();
    assertThat(sent.get("prompt").asText())
        .isEqualTo("<|fim_prefix|>def add(a, b):\n<|fim_suffix|>\nprint(add(1, 2))<|fim_middle|>");
    assertThat(sent.get("raw").asBoolean()).isTrue();
    assertThat(sent.has("suffix")).isFalse();
    assertThat(sent.at("/options/stop").toString()).contains("<|endoftext|>");
  }

  @Test
  void complete_rawWithSuffixAndUnknownModel_failsClearlyBeforeAnyCall() {
    try (OllamaProvider raw =
        OllamaTestSupport.builderFor(server).model("mistral").rawCompletions(true).build()) {
      assertThatThrownBy(() -> raw.complete(CompletionRequest.builder("a", "b").build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("fimTemplate");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void complete_builderTemplate_isUsedForRawCompletions() {
    try (OllamaProvider raw =
        OllamaTestSupport.builderFor(server)
            .completionModel("my-coder")
            .rawCompletions(true)
            .fimTemplate(FimTemplate.CODELLAMA)
            .build()) {
      server.enqueue(OllamaResponses.fixture("generate-suffix-fim.response.json"));
      raw.complete(CompletionRequest.builder("int x = ", ";").build());
    }
    JsonNode sent = sentGenerate();
    assertThat(sent.get("model").asText()).isEqualTo("my-coder");
    assertThat(sent.get("prompt").asText()).isEqualTo("<PRE> int x =  <SUF>; <MID>");
  }

  @Test
  void complete_providerOptions_reachOptionsOrTheTopLevel() {
    JsonNode expected = fixture("generate-options.request.json");
    CompletionRequest.Builder request =
        CompletionRequest.builder("Why is the sky blue?", "")
            .seed(42)
            .maxOutputTokens(100)
            .temperature(0.8)
            .stop(List.of("\n", "user:"));
    expected
        .get("options")
        .properties()
        .forEach(
            e -> {
              if (!List.of("seed", "num_predict", "temperature", "stop").contains(e.getKey())) {
                request.providerOption(
                    e.getKey(), OllamaTestSupport.JSON.convertValue(e.getValue(), Object.class));
              }
            });

    complete("generate-nostream.response.json", request.build());

    assertSameRequest(sentGenerate(), expected);
  }

  @Test
  void complete_formatImagesAndThink_areTopLevelOptions() {
    JsonNode schema = fixture("generate-format-schema.request.json").get("format");
    CompletionResponse structured =
        complete(
            "generate-format-schema.response.json",
            CompletionRequest.builder(
                    "Ollama is 22 years old and is busy saving the world. Respond using JSON", "")
                .model("llama3.1:8b")
                .providerOption("format", OllamaTestSupport.JSON.convertValue(schema, Map.class))
                .build());
    assertSameRequest(sentGenerate(), fixture("generate-format-schema.request.json"));
    assertThat(OllamaTestSupport.json(structured.text()))
        .isEqualTo(OllamaTestSupport.json("{\"age\":22,\"available\":true}"));

    complete(
        "generate-nostream.response.json",
        CompletionRequest.builder(
                "What color is the sky at different times of the day? Respond using JSON", "")
            .providerOption("format", "json")
            .build());
    assertSameRequest(sentGenerate(), fixture("generate-json-mode.request.json"));

    String image = fixture("generate-images.request.json").at("/images/0").asText();
    CompletionResponse described =
        complete(
            "generate-images.response.json",
            CompletionRequest.builder("What is in this picture?", "")
                .model("llava")
                .providerOption("images", List.of(image))
                .build());
    assertSameRequest(sentGenerate(), fixture("generate-images.request.json"));
    assertThat(described.text())
        .isEqualTo("A happy cartoon character, which is cute and cheerful.");

    CompletionResponse thought =
        complete(
            "generate-think.response.json",
            CompletionRequest.builder("How many letter r are in strawberry?", "")
                .model("qwen3")
                .providerOption("think", true)
                .build());
    assertSameRequest(sentGenerate(), fixture("generate-think.request.json"));
    assertThat(thought.text()).isEqualTo("There are **3** letter r's in \"strawberry\".");
  }

  @Test
  void complete_emptyPrompt_loadsOrUnloadsAndProposesNothing() {
    CompletionResponse loaded =
        complete("generate-load.response.json", CompletionRequest.builder("", "").build());
    assertThat(loaded.choices()).isEmpty();
    assertThat(loaded.text()).isEmpty();
    sentGenerate();

    CompletionResponse unloaded =
        complete(
            "generate-unload.response.json",
            CompletionRequest.builder("", "").providerOption("keep_alive", 0).build());
    assertThat(unloaded.choices()).isEmpty();
    JsonNode sent = sentGenerate();
    // The fixture omits the empty prompt and the stream flag, which change nothing here.
    fixture("generate-unload.request.json")
        .properties()
        .forEach(e -> assertThat(sent.get(e.getKey())).isEqualTo(e.getValue()));
    assertThat(sent.get("prompt").asText()).isEmpty();
  }

  @Test
  void completeAsync_answer_completesWithTheCompletion() throws Exception {
    server.enqueue(OllamaResponses.fixture("generate-suffix-fim.response.json"));

    CompletionResponse response =
        provider
            .completeAsync(CompletionRequest.builder("def f():", "  return x").build())
            .get(5, TimeUnit.SECONDS);

    assertThat(response.text()).startsWith("\n  if a == 0:");
    assertThat(sentGenerate().get("suffix").asText()).isEqualTo("  return x");
  }

  @Test
  void completeAsync_cancel_cancelsTheHttpCallAtOnce() {
    server.enqueue(
        OllamaResponses.fixture("generate-suffix-fim.response.json")
            .newBuilder()
            .headersDelay(10, TimeUnit.SECONDS)
            .build());

    CompletableFuture<CompletionResponse> future =
        provider.completeAsync(CompletionRequest.builder("def f():", "").build());
    take(server);
    future.cancel(true);

    assertThat(future).isCancelled();
    assertThatThrownBy(() -> future.get(1, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
    assertThat(
            LeakCheck.await(
                () -> provider.transport().client().dispatcher().runningCallsCount() == 0,
                Duration.ofSeconds(1)))
        .isTrue();
  }
}
