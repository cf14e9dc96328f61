package dev.codexcontinue.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.provider.openai.OpenAiProvider;
import dev.codexcontinue.test.RecordingStreamListener;
import dev.codexcontinue.test.ScriptedProvider;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Our own OpenAI client (codex-provider-openai) reads the server's answers as OpenAI's. */
@Timeout(30)
final class OpenAiProviderClientTest {
  @Test
  void chatAndStream_throughOpenAiProvider_parseTextToolCallsAndUsage() throws Exception {
    ScriptedProvider scripted =
        ScriptedProvider.builder()
            .reply("Plain answer.")
            .toolCall("lookup", "{\"q\":\"x\"}")
            .reply("Streamed answer.")
            .build();
    try (TestServer s = TestServer.start(scripted);
        OpenAiProvider client =
            OpenAiProvider.builder()
                .baseUrl(s.base() + "/v1")
                .apiKey(TestServer.TOKEN)
                .model("codex-agent")
                .build()) {
      ChatResponse plain = client.chat(ChatRequest.of("hello"));
      assertThat(plain.text()).isEqualTo("Plain answer.");
      assertThat(plain.finishReason()).isEqualTo(FinishReason.STOP);
      assertThat(plain.usage().totalTokens()).isPositive();

      ChatResponse tools =
          client.chat(
              ChatRequest.builder()
                  .addMessage(dev.codexcontinue.api.ChatMessage.user("find x"))
                  .addTool(ToolSpec.withoutParameters("lookup", "Looks up."))
                  .build());
      assertThat(tools.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
      assertThat(tools.toolCalls())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.name()).isEqualTo("lookup");
                assertThat(c.arguments()).isEqualTo("{\"q\":\"x\"}");
              });

      RecordingStreamListener listener = new RecordingStreamListener();
      client.stream(ChatRequest.of("stream"), listener);
      ChatResponse streamed = listener.awaitResponse(10, TimeUnit.SECONDS);
      assertThat(streamed.text()).isEqualTo("Streamed answer.");
      assertThat(listener.chunks()).hasSizeGreaterThan(1);
      assertThat(listener.text()).isEqualTo("Streamed answer.");
    }
  }
}
