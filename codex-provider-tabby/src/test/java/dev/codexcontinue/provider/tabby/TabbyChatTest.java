package dev.codexcontinue.provider.tabby;

import static dev.codexcontinue.provider.tabby.TabbyTestSupport.body;
import static dev.codexcontinue.provider.tabby.TabbyTestSupport.fixture;
import static dev.codexcontinue.provider.tabby.TabbyTestSupport.take;
import static dev.codexcontinue.provider.tabby.TabbyTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.ResponseFormat;
import dev.codexcontinue.api.exception.IncompleteStreamException;
import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.api.exception.ProviderStreamException;
import dev.codexcontinue.api.exception.UnsupportedCapabilityException;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.provider.tabby.TabbyResponses.Feed;
import dev.codexcontinue.test.RecordingStreamListener;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tabby's chat endpoint against its fixtures: SSE ended at EOF, keep-alive comments, 405. */
@Timeout(30)
final class TabbyChatTest {
  private static final ChatRequest REVERSE =
      ChatRequest.of("Write a python function that reverses a string.");

  private final MockWebServer server = new MockWebServer();
  private TabbyProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider =
        TabbyProvider.builder()
            .endpoint(server.url("/").toString())
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void stream_fixture_endsAtEofWithTheExpectedAnswer(Feed feed) throws Exception {
    server.enqueue(TabbyResponses.sse(text("chat-completions.stream.sse"), feed));
    JsonNode expected = fixture("chat-completions.stream.expected.json");
    RecordingStreamListener listener = new RecordingStreamListener();

    provider.stream(REVERSE, listener);

    ChatResponse response = listener.awaitResponse(10, TimeUnit.SECONDS);
    assertThat(listener.text()).isEqualTo(expected.get("content").asText());
    assertThat(response.text()).isEqualTo(expected.get("content").asText());
    assertThat(response.finishReason().value()).isEqualTo(expected.get("finish_reason").asText());
    assertThat(response.id()).contains("chatcmpl-9f1c2d3e4b5a");
    listener.assertSettled(500, TimeUnit.MILLISECONDS);
    assertThat(listener.terminalCount()).isEqualTo(1);
    RecordedRequest sent = take(server);
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(sent.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    assertThat(body(sent)).isEqualTo(fixture("chat-completions.request.json"));
  }

  @Test
  void chat_fixture_readsTheWholeStream() {
    server.enqueue(TabbyResponses.sse(text("chat-completions.stream.sse"), Feed.WHOLE));

    ChatResponse response = provider.chat(REVERSE);

    assertThat(response.text()).isEqualTo("def reverse(s):\n    return s[::-1]");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void chat_http405_saysTheServerHasNoChatModel() {
    server.enqueue(TabbyResponses.emptyError(405));

    assertThatThrownBy(() -> provider.chat(REVERSE))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no chat model configured")
        .satisfies(
            e ->
                assertThat(((InvalidRequestException) e).errorCode())
                    .contains("chat_model_not_configured"));
  }

  @Test
  void stream_inBandError_failsTheStream() throws Exception {
    server.enqueue(
        TabbyResponses.sse(
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"
                + "data: {\"error\":{\"message\":\"upstream failed\",\"code\":\"upstream\"}}\n\n",
            Feed.WHOLE));
    RecordingStreamListener listener = new RecordingStreamListener();

    provider.stream(REVERSE, listener);

    assertThat(listener.awaitError(5, TimeUnit.SECONDS))
        .isInstanceOf(ProviderStreamException.class)
        .hasMessageContaining("upstream failed");
  }

  @Test
  void stream_emptyBody_isIncompleteNotAnEmptyAnswer() throws Exception {
    server.enqueue(TabbyResponses.sse(":\n\n", Feed.WHOLE));
    RecordingStreamListener listener = new RecordingStreamListener();

    provider.stream(REVERSE, listener);

    assertThat(listener.awaitError(5, TimeUnit.SECONDS))
        .isInstanceOf(IncompleteStreamException.class);
  }

  @Test
  void chat_structuredOutput_isUnsupported() {
    ChatRequest json = REVERSE.toBuilder().responseFormat(ResponseFormat.JSON).build();

    assertThatThrownBy(() -> provider.chat(json))
        .isInstanceOf(UnsupportedCapabilityException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
