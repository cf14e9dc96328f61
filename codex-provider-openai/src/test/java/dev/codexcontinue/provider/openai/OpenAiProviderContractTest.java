package dev.codexcontinue.provider.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.test.AbstractProviderContractTest;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The OpenAI provider keeps the provider contract against a server speaking the OpenAI wire format.
 * The server answers every request with the next scripted response in its kind: the plain JSON body
 * for blocking calls, its SSE form for streams (the request's {@code stream} flag decides).
 */
final class OpenAiProviderContractTest extends AbstractProviderContractTest {
  private final MockWebServer server = new MockWebServer();
  private OpenAiProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider =
        OpenAiProvider.builder()
            .apiKey("sk-contract")
            .baseUrl(server.url("/v1").toString())
            .maxRetries(0)
            .build();
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
    ObjectNode message = ProviderTestSupport.JSON.createObjectNode().put("role", "assistant");
    message.put("content", text);
    enqueueEitherForm(message, "stop", deltasOf(text));
  }

  @Override
  protected void givenToolCall(String id, String name, String arguments) {
    ObjectNode message = ProviderTestSupport.JSON.createObjectNode().put("role", "assistant");
    message.putNull("content");
    ObjectNode call =
        message.putArray("tool_calls").addObject().put("id", id).put("type", "function");
    call.putObject("function").put("name", name).put("arguments", arguments);
    int half = arguments.length() / 2;
    List<String> deltas = new ArrayList<>();
    deltas.add(toolDelta(id, name, arguments.substring(0, half)));
    deltas.add(toolDelta("", "", arguments.substring(half)));
    enqueueEitherForm(message, "tool_calls", deltas);
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
    server.enqueue(OpenAiResponses.error(status));
  }

  @Override
  protected void givenStalledStream() {
    server.enqueue(OpenAiResponses.stalledStream());
  }

  /**
   * Enqueues the blocking or the streaming form, decided when the request arrives: the contract
   * test calls chat, chatAsync or stream after scripting the answer.
   */
  private void enqueueEitherForm(ObjectNode message, String finish, List<String> deltas) {
    ObjectNode body = ProviderTestSupport.JSON.createObjectNode();
    body.put("id", "chatcmpl-contract").put("object", "chat.completion").put("created", 1);
    body.put("model", "gpt-4o-mini");
    ArrayNode choices = body.putArray("choices");
    choices.addObject().put("index", 0).put("finish_reason", finish).set("message", message);
    String json = body.toString();
    StringBuilder sse = new StringBuilder();
    for (String delta : deltas) {
      sse.append("data: ").append(chunk(delta, null)).append("\n\n");
    }
    sse.append("data: ").append(chunk(null, finish)).append("\n\n").append("data: [DONE]\n\n");
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
            server.setDispatcher(new mockwebserver3.QueueDispatcher());
            boolean streaming = ProviderTestSupport.body(request).path("stream").asBoolean(false);
            return streaming
                ? OpenAiResponses.sse(sse.toString(), OpenAiResponses.Feed.WHOLE)
                : OpenAiResponses.json(200, json);
          }
        });
  }

  private static List<String> deltasOf(String text) {
    List<String> deltas = new ArrayList<>();
    for (int i = 0; i < text.length(); i += 5) {
      ObjectNode delta = ProviderTestSupport.JSON.createObjectNode();
      delta.put("content", text.substring(i, Math.min(text.length(), i + 5)));
      deltas.add(delta.toString());
    }
    return deltas;
  }

  private static String toolDelta(String id, String name, String fragment) {
    ObjectNode delta = ProviderTestSupport.JSON.createObjectNode();
    ObjectNode call = delta.putArray("tool_calls").addObject().put("index", 0);
    if (!id.isEmpty()) {
      call.put("id", id).put("type", "function");
    }
    ObjectNode function = call.putObject("function");
    if (!name.isEmpty()) {
      function.put("name", name);
    }
    function.put("arguments", fragment);
    return delta.toString();
  }

  private static String chunk(String deltaJson, String finish) {
    ObjectNode c = ProviderTestSupport.JSON.createObjectNode();
    c.put("id", "chatcmpl-contract").put("object", "chat.completion.chunk").put("created", 1);
    c.put("model", "gpt-4o-mini");
    ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
    choice.set(
        "delta",
        deltaJson == null
            ? ProviderTestSupport.JSON.createObjectNode()
            : ProviderTestSupport.json(deltaJson));
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    return c.toString();
  }
}
