package dev.codexcontinue.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.test.ScriptedProvider;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LangChain4j's OpenAI chat models, unchanged, pointed at the server. */
@Timeout(30)
final class LangChain4jClientTest {
  @Test
  void openAiChatModel_blocking_getsTheAgentsAnswer() {
    try (TestServer s =
        TestServer.start(ScriptedProvider.builder().reply("Hi from the agent.").build())) {
      OpenAiChatModel model =
          OpenAiChatModel.builder()
              .baseUrl(s.base() + "/v1")
              .apiKey(TestServer.TOKEN)
              .modelName("codex-agent")
              .timeout(Duration.ofSeconds(10))
              .maxRetries(0)
              .build();

      assertThat(model.chat("Hello?")).isEqualTo("Hi from the agent.");
    }
  }

  @Test
  void openAiChatModel_clientTool_getsTheToolExecutionRequest() {
    try (TestServer s =
        TestServer.start(
            ScriptedProvider.builder().toolCall("lookup", "{\"q\":\"tabby\"}").build())) {
      OpenAiChatModel model =
          OpenAiChatModel.builder()
              .baseUrl(s.base() + "/v1")
              .apiKey(TestServer.TOKEN)
              .modelName("codex-agent")
              .maxRetries(0)
              .build();
      ToolSpecification lookup =
          ToolSpecification.builder()
              .name("lookup")
              .description("Looks something up.")
              .parameters(JsonObjectSchema.builder().addStringProperty("q").required("q").build())
              .build();

      ChatResponse response =
          model.chat(
              ChatRequest.builder()
                  .messages(UserMessage.from("Look up tabby"))
                  .toolSpecifications(lookup)
                  .build());

      ToolExecutionRequest call = response.aiMessage().toolExecutionRequests().get(0);
      assertThat(call.name()).isEqualTo("lookup");
      assertThat(call.arguments()).isEqualTo("{\"q\":\"tabby\"}");
      assertThat(s.provider.lastRequest().tools())
          .extracting(t -> t.name())
          .containsExactly("lookup");
    }
  }

  @Test
  void openAiStreamingChatModel_streaming_receivesPartialsAndTheCompleteAnswer() throws Exception {
    try (TestServer s =
        TestServer.start(
            ScriptedProvider.builder().reply("Streaming through LangChain4j.").build())) {
      OpenAiStreamingChatModel model =
          OpenAiStreamingChatModel.builder()
              .baseUrl(s.base() + "/v1")
              .apiKey(TestServer.TOKEN)
              .modelName("codex-agent")
              .timeout(Duration.ofSeconds(10))
              .build();
      StringBuilder partials = new StringBuilder();
      CompletableFuture<ChatResponse> done = new CompletableFuture<>();

      model.chat(
          "Stream please",
          new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
              partials.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
              done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
              done.completeExceptionally(error);
            }
          });

      ChatResponse response = done.get(10, TimeUnit.SECONDS);
      assertThat(partials.toString()).isEqualTo("Streaming through LangChain4j.");
      assertThat(response.aiMessage().text()).isEqualTo("Streaming through LangChain4j.");
    }
  }
}
