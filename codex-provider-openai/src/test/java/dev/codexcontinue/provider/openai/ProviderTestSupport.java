package dev.codexcontinue.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.http.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Shared pieces of the provider tests: JSON, recorded requests, fixtures and a listener. */
final class ProviderTestSupport {
  static final ObjectMapper JSON = new ObjectMapper();

  private ProviderTestSupport() {}

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode fixture(String path) {
    return json(Fixtures.text(ProviderTestSupport.class, path));
  }

  static String text(String path) {
    return Fixtures.text(ProviderTestSupport.class, path);
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

  /** Asserts that a chat body validates against the OpenAPI document, adding a URL-borne model. */
  static void assertValidChatBody(JsonNode body) {
    JsonNode withModel =
        body.has("model")
            ? body
            : ((com.fasterxml.jackson.databind.node.ObjectNode) body.deepCopy())
                .put("model", "deployment");
    assertThat(OpenApiSchemas.violations("CreateChatCompletionRequest", withModel.toString()))
        .as("CreateChatCompletionRequest violations")
        .isEmpty();
  }

  /** Asserts that an embeddings body validates against the OpenAPI document. */
  static void assertValidEmbeddingBody(JsonNode body) {
    JsonNode withModel =
        body.has("model")
            ? body
            : ((com.fasterxml.jackson.databind.node.ObjectNode) body.deepCopy())
                .put("model", "deployment");
    assertThat(OpenApiSchemas.violations("CreateEmbeddingRequest", withModel.toString()))
        .as("CreateEmbeddingRequest violations")
        .isEmpty();
  }

  /** A listener that records chunks and the terminal call. */
  static class Recorder implements StreamListener {
    final List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
    final AtomicInteger terminals = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);
    @Nullable volatile ChatResponse response;
    @Nullable volatile CodexException error;

    @Override
    public void onChunk(ChatChunk chunk) {
      chunks.add(chunk);
    }

    @Override
    public void onComplete(ChatResponse response) {
      this.response = response;
      terminals.incrementAndGet();
      done.countDown();
    }

    @Override
    public void onError(CodexException error) {
      this.error = error;
      terminals.incrementAndGet();
      done.countDown();
    }

    Recorder await() {
      try {
        assertThat(done.await(10, TimeUnit.SECONDS)).as("terminal call").isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      return this;
    }

    ChatResponse response() {
      assertThat(error).as("stream error").isNull();
      ChatResponse r = response;
      assertThat(r).isNotNull();
      return r;
    }

    String text() {
      StringBuilder sb = new StringBuilder();
      chunks.forEach(c -> sb.append(c.text()));
      return sb.toString();
    }
  }
}
