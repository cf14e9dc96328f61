package dev.codexcontinue.provider.openai;

import static dev.codexcontinue.provider.openai.ProviderTestSupport.assertValidChatBody;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.assertValidEmbeddingBody;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.body;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.fixture;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.take;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.EmbeddingRequest;
import dev.codexcontinue.api.EmbeddingResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolChoice;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RecordingSleeper;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Chat, tools, embeddings and models against the OpenAI fixtures, in both directions. */
@Timeout(30)
final class OpenAiProviderTest {
  static final String WEATHER_SCHEMA =
      fixture("openai/chat-completion-tools.request.json")
          .at("/tools/0/function/parameters")
          .toString();
  static final ToolSpec WEATHER =
      new ToolSpec(
          "get_current_weather", "Get the current weather in a given location", WEATHER_SCHEMA);

  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private OpenAiProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider = provider(OpenAiProvider.builder());
  }

  private OpenAiProvider provider(OpenAiProvider.Builder builder) {
    return builder
        .apiKey("sk-test-key")
        .baseUrl(server.url("/v1").toString())
        .model("gpt-4o-mini")
        .sleeper(sleeper)
        .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  @Test
  void chat_defaultExample_sendsTheFixtureBodyAndParsesTheAnswer() {
    server.enqueue(OpenAiResponses.plainText());

    ChatResponse response =
        provider.chat(
            ChatRequest.builder()
                .model("gpt-5.4")
                .addMessage(
                    ChatMessage.builder(Role.of("developer"))
                        .text("You are a helpful assistant.")
                        .build())
                .addMessage(ChatMessage.user("Hello!"))
                .build());

    assertThat(response.text()).isEqualTo("Hello! How can I assist you today?");
    assertThat(response.id()).contains("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
    assertThat(response.model()).contains("gpt-5.4");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.usage()).isEqualTo(new TokenUsage(19, 10));
    assertThat(response.providerData()).containsEntry("service_tier", "default");
    RecordedRequest sent = take(server);
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-key");
    assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(body(sent)).isEqualTo(fixture("openai/chat-completion.request.json"));
    assertValidChatBody(body(sent));
  }

  @Test
  void chat_toolsExample_sendsTheFixtureBodyAndParsesTheCall() {
    server.enqueue(OpenAiResponses.toolCall());

    ChatResponse response =
        provider.chat(
            ChatRequest.builder()
                .addMessage(ChatMessage.user("What is the weather like in Boston today?"))
                .addTool(WEATHER)
                .toolChoice(ToolChoice.AUTO)
                .build());

    assertThat(response.toolCalls())
        .containsExactly(
            ToolCall.of(
                "call_abc123", "get_current_weather", "{\n\"location\": \"Boston, MA\"\n}"));
    assertThat(response.text()).isEmpty();
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.usage()).isEqualTo(new TokenUsage(82, 17));
    JsonNode sent = body(take(server));
    assertThat(sent).isEqualTo(fixture("openai/chat-completion-tools.request.json"));
    assertValidChatBody(sent);
  }

  @Test
  void chat_toolResultFollowup_sendsTheFixtureBody() {
    server.enqueue(OpenAiResponses.plainText());

    provider.chat(
        ChatRequest.builder()
            .addMessage(ChatMessage.user("What is the weather like in Boston today?"))
            .addMessage(
                ChatMessage.assistant(
                    "",
                    List.of(
                        ToolCall.of(
                            "call_abc123",
                            "get_current_weather",
                            "{\n\"location\": \"Boston, MA\"\n}"))))
            .addMessage(
                ChatMessage.tool(
                    "call_abc123",
                    "get_current_weather",
                    "{\"temperature\": 22, \"unit\": \"celsius\", \"description\": \"Sunny\"}"))
            .addTool(WEATHER)
            .build());

    JsonNode sent = body(take(server));
    assertThat(sent).isEqualTo(fixture("openai/chat-completion-tools-followup.request.json"));
    assertValidChatBody(sent);
  }

  @Test
  void chat_everyOption_isSentValidly() {
    server.enqueue(OpenAiResponses.plainText());
    String schema =
        "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
            + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
            + "\"properties\":{\"label\":{\"type\":\"string\"}}}}},\"required\":[\"name\"]}";

    provider.chat(
        ChatRequest.builder()
            .addMessage(ChatMessage.system("Be brief."))
            .addMessage(
                ChatMessage.user(
                    "What is this?",
                    dev.codexcontinue.api.ImagePart.ofBytes(new byte[] {1, 2, 3}, "image/png"),
                    new dev.codexcontinue.api.ImagePart("https://example.com/cat.png", "low")))
            .addTool(WEATHER)
            .toolChoice(ToolChoice.tool("get_current_weather"))
            .parallelToolCalls(false)
            .temperature(0.2)
            .topP(0.9)
            .maxOutputTokens(100)
            .stop(List.of("END"))
            .seed(42)
            .user("user-1")
            .topLogprobs(3)
            .reasoningEffort("low")
            .responseFormat(dev.codexcontinue.api.ResponseFormat.jsonSchema("person", schema, true))
            .providerOption("service_tier", "flex")
            .build());

    JsonNode sent = body(take(server));
    assertValidChatBody(sent);
    assertThat(sent.at("/messages/1/content/1/image_url/url").asText())
        .startsWith("data:image/png;base64,");
    assertThat(sent.at("/messages/1/content/2/image_url/detail").asText()).isEqualTo("low");
    assertThat(sent.at("/tool_choice/function/name").asText()).isEqualTo("get_current_weather");
    assertThat(sent.get("parallel_tool_calls").asBoolean()).isFalse();
    assertThat(sent.get("max_completion_tokens").asInt()).isEqualTo(100);
    assertThat(sent.get("stop").get(0).asText()).isEqualTo("END");
    assertThat(sent.get("seed").asLong()).isEqualTo(42);
    assertThat(sent.get("user").asText()).isEqualTo("user-1");
    assertThat(sent.get("logprobs").asBoolean()).isTrue();
    assertThat(sent.get("top_logprobs").asInt()).isEqualTo(3);
    assertThat(sent.get("reasoning_effort").asText()).isEqualTo("low");
    assertThat(sent.get("service_tier").asText()).isEqualTo("flex");
    JsonNode format = sent.at("/response_format/json_schema");
    assertThat(format.get("strict").asBoolean()).isTrue();
    assertThat(format.at("/schema/additionalProperties").asBoolean()).isFalse();
    assertThat(format.at("/schema/required")).hasSize(2);
    assertThat(format.at("/schema/properties/tags/type").toString())
        .isEqualTo("[\"array\",\"null\"]");
    assertThat(format.at("/schema/properties/tags/items/additionalProperties").asBoolean())
        .isFalse();
  }

  @Test
  void chat_logprobsInTheAnswer_arePassedThrough() {
    server.enqueue(
        OpenAiResponses.json(
            200,
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
                + "\"logprobs\":{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.1,\"top_logprobs\":[]}]},"
                + "\"finish_reason\":\"stop\"}]}"));

    ChatResponse response =
        provider.chat(
            ChatRequest.builder().addMessage(ChatMessage.user("hi")).topLogprobs(0).build());

    assertThat(response.providerData().get("logprobs").toString())
        .contains("token=Hi", "logprob=-0.1");
  }

  @Test
  void embed_floatExample_sendsTheFixtureBodyAndParsesVectors() {
    server.enqueue(OpenAiResponses.json(200, text("openai/embeddings.response.json")));

    EmbeddingResponse response =
        provider.embed(
            EmbeddingRequest.of(
                List.of("The food was delicious and the waiter...", "Second input")));

    assertThat(response.embeddings()).hasSize(2);
    assertThat(response.vectors().get(1)[0]).isCloseTo(-0.012345678f, within(1e-9f));
    assertThat(response.usage().inputTokens()).isEqualTo(11);
    RecordedRequest sent = take(server);
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/embeddings");
    assertThat(body(sent)).isEqualTo(fixture("openai/embeddings.request.json"));
    assertValidEmbeddingBody(body(sent));
  }

  @ParameterizedTest
  @EnumSource(OpenAiResponses.Feed.class)
  void embed_base64Example_decodesLittleEndianFloats(OpenAiResponses.Feed feed) {
    provider.close();
    provider = provider(OpenAiProvider.builder().base64Embeddings(true));
    server.enqueue(OpenAiResponses.json(200, text("openai/embeddings-base64.response.json"), feed));

    float[] vector =
        provider
            .embed(EmbeddingRequest.of(List.of("The food was delicious and the waiter...")))
            .vectors()
            .get(0);

    JsonNode expected = fixture("openai/embeddings-base64.expected.json").get("decoded_float32_le");
    assertThat(vector).hasSize(expected.size());
    for (int i = 0; i < vector.length; i++) {
      assertThat((double) vector[i]).isCloseTo(expected.get(i).asDouble(), within(1e-12));
    }
    JsonNode sent = body(take(server));
    assertThat(sent).isEqualTo(fixture("openai/embeddings-base64.request.json"));
    assertValidEmbeddingBody(sent);
  }

  @Test
  void models_list_readsIdsAndOwners() {
    server.enqueue(
        OpenAiResponses.json(
            200,
            "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\",\"object\":\"model\",\"owned_by\":\"system\"},"
                + "{\"id\":\"local-model\",\"object\":\"model\"}]}"));

    List<ModelInfo> models = provider.models();

    assertThat(models)
        .containsExactly(ModelInfo.of("gpt-4o").withOwnedBy("system"), ModelInfo.of("local-model"));
    RecordedRequest sent = take(server);
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/models");
  }

  @Test
  void chat_malformedJson_isAProviderErrorNamingTheProblem() {
    server.enqueue(OpenAiResponses.json(200, "{\"choices\": [ {"));

    assertThatThrownBy(() -> provider.chat(ChatRequest.of("hi")))
        .isInstanceOf(dev.codexcontinue.api.exception.ProviderException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void chat_noModelAnywhere_isAConfigurationError() {
    provider.close();
    provider = OpenAiProvider.builder().baseUrl(server.url("/v1").toString()).build();

    assertThatThrownBy(() -> provider.chat(ChatRequest.of("hi")))
        .isInstanceOf(dev.codexcontinue.api.exception.ConfigurationException.class)
        .hasMessageContaining("no model");
  }

  @Test
  void compatibleServer_customPathsAndHeaders_areUsedAndNoKeyIsNeeded() {
    provider.close();
    provider =
        OpenAiProvider.builder()
            .baseUrl(server.url("/api/").toString())
            .chatPath("v1/chat")
            .modelsPath("/tags")
            .header("X-Gateway", "g1")
            .maxTokensField("max_tokens")
            .model("llama3")
            .build();
    server.enqueue(OpenAiResponses.plainText());

    provider.chat(
        ChatRequest.builder().addMessage(ChatMessage.user("hi")).maxOutputTokens(5).build());

    RecordedRequest sent = take(server);
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/chat");
    assertThat(sent.getHeaders().get("X-Gateway")).isEqualTo("g1");
    assertThat(sent.getHeaders().get("Authorization")).isNull();
    assertThat(body(sent).get("max_tokens").asInt()).isEqualTo(5);
    assertValidChatBody(body(sent));
  }
}
