package dev.codexcontinue.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.http.Fixtures;
import dev.codexcontinue.http.RecordingSleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Shared pieces of the provider tests: fixtures, recorded requests, wire comparison. */
final class OllamaTestSupport {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Numbers compare by value, so {@code 0} and {@code 0.0} are the same temperature. */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private OllamaTestSupport() {}

  static OllamaProvider.Builder builderFor(MockWebServer server) {
    return OllamaProvider.builder()
        .baseUrl(server.url("/").toString())
        .readTimeout(Duration.ofSeconds(5))
        .sleeper(new RecordingSleeper());
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return Fixtures.text(OllamaTestSupport.class, "ollama/" + name);
  }

  static JsonNode fixture(String name) {
    return json(text(name));
  }

  static RecordedRequest take(MockWebServer server) {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(r).as("a request reached the server").isNotNull();
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static JsonNode body(RecordedRequest request) {
    return json(request.getBody().utf8());
  }

  static String path(RecordedRequest request) {
    return request.getUrl().encodedPath();
  }

  /**
   * Asserts that the sent body means what the fixture means: equal once Ollama's documented
   * defaults are written out ({@code stream} is {@code true} when absent), numbers compared by
   * value, and the bookkeeping the fixtures differ on removed from tool calls ({@code id}, {@code
   * type}, {@code function.index}) and tool results ({@code tool_call_id}).
   */
  static void assertSameRequest(JsonNode sent, JsonNode fixture) {
    JsonNode a = normalized(sent);
    JsonNode b = normalized(fixture);
    assertThat(a.equals(NUMBERS_BY_VALUE, b)).as("sent %s%nfixture %s", a, b).isTrue();
  }

  private static JsonNode normalized(JsonNode body) {
    ObjectNode copy = (ObjectNode) body.deepCopy();
    if (!copy.has("stream") && (copy.has("messages") || copy.has("prompt"))) {
      copy.put("stream", true);
    }
    for (JsonNode message : copy.path("messages")) {
      ((ObjectNode) message).remove("tool_call_id");
      for (JsonNode call : message.path("tool_calls")) {
        ((ObjectNode) call).remove(java.util.List.of("id", "type"));
        ((ObjectNode) call.path("function")).remove("index");
      }
    }
    return copy;
  }

  /** Asserts that {@code body} validates against component {@code schema} of openapi.yaml. */
  static void assertValid(String schema, JsonNode body) {
    assertThat(OpenApiSchemas.violations(schema, body.toString()))
        .as(schema + " violations of " + body)
        .isEmpty();
  }
}
