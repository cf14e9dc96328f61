package dev.codexcontinue.provider.ollama;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.test.AbstractProviderContractTest;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The shared provider contract, against Ollama's wire format on MockWebServer. */
final class OllamaProviderContractTest extends AbstractProviderContractTest {
  private final MockWebServer server = new MockWebServer();
  private final Deque<MockResponse[]> replies = new ConcurrentLinkedDeque<>();
  private OllamaProvider provider;

  @BeforeEach
  void start() throws Exception {
    // Each scripted reply has a whole form (stream: false) and a streamed one; the dispatcher
    // answers with the form the request asks for.
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            MockResponse[] reply = replies.poll();
            if (reply == null) {
              return OllamaResponses.json(500, "{\"error\":\"no scripted reply\"}");
            }
            boolean stream = OllamaTestSupport.body(request).path("stream").asBoolean(true);
            return stream ? reply[1] : reply[0];
          }
        });
    server.start();
    provider = OllamaTestSupport.builderFor(server).maxRetries(0).build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  @Override
  protected Provider provider() {
    return provider;
  }

  @Override
  protected void givenTextReply(String text) {
    replies.add(
        new MockResponse[] {OllamaResponses.chatText(text), OllamaResponses.chatStream(text)});
  }

  @Override
  protected void givenToolCall(String id, String name, String arguments) {
    String line =
        "{\"model\":\"llama3.2\",\"created_at\":\"2025-07-07T20:22:19.184789Z\",\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\""
            + id
            + "\",\"function\":{\"index\":0,\"name\":\""
            + name
            + "\",\"arguments\":"
            + arguments
            + "}}]},\"done\":";
    String whole = line + "true,\"done_reason\":\"stop\",\"eval_count\":15}";
    String stream =
        line
            + "false}\n"
            + OllamaTestSupport.text("chat-tools.stream.ndjson").lines().skip(1).findFirst().get()
            + "\n";
    replies.add(
        new MockResponse[] {
          OllamaResponses.json(200, whole),
          OllamaResponses.ndjson(stream, OllamaResponses.Feed.WHOLE)
        });
  }

  @Override
  protected void givenError(ErrorKind kind) {
    int status =
        switch (kind) {
          case AUTHENTICATION -> 401;
          case RATE_LIMITED -> 429;
          case INVALID_REQUEST -> 400;
          case SERVER_ERROR -> 500;
        };
    String body =
        switch (kind) {
          case AUTHENTICATION ->
              "{\"error\":\"unauthorized\",\"signin_url\":\"https://ollama.com/connect\"}";
          case RATE_LIMITED -> "{\"error\":\"too many requests\"}";
          case INVALID_REQUEST -> OllamaTestSupport.text("error-400-missing-body.json");
          case SERVER_ERROR -> OllamaTestSupport.text("error-500-generic.json");
        };
    MockResponse error = OllamaResponses.json(status, body);
    replies.add(new MockResponse[] {error, error});
  }

  @Override
  protected void givenStalledStream() {
    MockResponse stalled = OllamaResponses.stalledStream();
    replies.add(new MockResponse[] {stalled, stalled});
  }
}
