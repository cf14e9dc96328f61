package dev.codexcontinue.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.Embedding;
import dev.codexcontinue.api.EmbeddingRequest;
import dev.codexcontinue.api.EmbeddingResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.http.HttpTransport;
import dev.codexcontinue.http.StreamFormat;
import dev.codexcontinue.provider.openai.ContentFilterException;
import dev.codexcontinue.provider.openai.ContentFilterResults;
import dev.codexcontinue.provider.openai.internal.Endpoint.Operation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;

/**
 * The chat completions, embeddings and models API of OpenAI and the servers that copy it, over one
 * {@link HttpTransport}. Thread-safe.
 */
public final class OpenAiClient implements AutoCloseable {
  private final String provider;
  private final HttpTransport transport;
  private final Endpoint endpoint;
  private final WireOptions wire;
  @Nullable private final String model;
  private final String embeddingModel;
  private final boolean failOnContentFilter;

  /** Creates the client; {@code model} is the default when a request names none. */
  public OpenAiClient(
      String provider,
      HttpTransport transport,
      Endpoint endpoint,
      WireOptions wire,
      @Nullable String model,
      String embeddingModel,
      boolean failOnContentFilter) {
    this.provider = provider;
    this.transport = transport;
    this.endpoint = endpoint;
    this.wire = wire;
    this.model = model;
    this.embeddingModel = embeddingModel;
    this.failOnContentFilter = failOnContentFilter;
  }

  /** Returns the transport. */
  public HttpTransport transport() {
    return transport;
  }

  /** Sends a chat request and waits for the answer. */
  public ChatResponse chat(ChatRequest request) {
    return readChat(transport.execute(chatCall(request, false)));
  }

  /** Sends a chat request without blocking; cancelling the future cancels the call. */
  public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
    return transport.executeAsync(chatCall(request, false), this::readChat);
  }

  /** Streams a chat answer to {@code listener}. */
  public Cancellable stream(ChatRequest request, StreamListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    HttpCall call = chatCall(request, true);
    return transport.stream(
        call,
        StreamFormat.SSE,
        new ChatStreamHandler(
            listener, provider, transport.redactor(), this::contentFilterFailure));
  }

  /** Embeds texts. */
  public EmbeddingResponse embed(EmbeddingRequest request) {
    Objects.requireNonNull(request, "request == null");
    String m = request.model().orElse(embeddingModel);
    ObjectNode body = Json.MAPPER.createObjectNode();
    if (endpoint.modelInBody()) {
      body.put("model", m);
    }
    if (request.inputs().size() == 1) {
      body.put("input", request.inputs().get(0));
    } else {
      ArrayNode input = body.putArray("input");
      request.inputs().forEach(input::add);
    }
    request.dimensions().ifPresent(d -> body.put("dimensions", d));
    body.put("encoding_format", wire.base64Embeddings() ? "base64" : "float");
    HttpCall.Builder call =
        HttpCall.post(endpoint.url(Operation.EMBEDDINGS, m))
            .jsonBody(body.toString())
            .operation("embed");
    endpoint.authorize(call);
    return readEmbeddings(transport.execute(call.build()));
  }

  /** Lists the models the server offers. */
  public List<ModelInfo> models() {
    HttpCall.Builder call = HttpCall.get(endpoint.url(Operation.MODELS, null)).operation("models");
    endpoint.authorize(call);
    JsonNode root = json(transport.execute(call.build()));
    List<ModelInfo> models = new ArrayList<>();
    for (JsonNode item : root.path("data")) {
      String id = Json.text(item.get("id"));
      if (!id.isBlank()) {
        String owner = Json.text(item.get("owned_by"));
        models.add(owner.isEmpty() ? ModelInfo.of(id) : ModelInfo.of(id).withOwnedBy(owner));
      }
    }
    return models;
  }

  /** Returns the HTTP call for a chat request. */
  public HttpCall chatCall(ChatRequest request, boolean stream) {
    Objects.requireNonNull(request, "request == null");
    String m = request.model().orElse(model);
    if (m == null) {
      throw new ConfigurationException(
          provider + ": the request names no model and the provider has no default model");
    }
    ObjectNode body = ChatBodies.chat(request, endpoint.modelInBody() ? m : null, wire, stream);
    HttpCall.Builder call =
        HttpCall.post(endpoint.url(Operation.CHAT, m))
            .jsonBody(body.toString())
            .operation(stream ? "chat-stream" : "chat");
    request
        .timeout()
        .ifPresent(
            t -> {
              if (stream) {
                call.readTimeout(t);
              } else {
                call.timeout(t);
              }
            });
    endpoint.authorize(call);
    return call.build();
  }

  private ChatResponse readChat(HttpResult result) {
    ChatResponse response;
    try {
      response = ChatResponses.parse(json(result));
    } catch (IllegalArgumentException e) {
      throw malformed(result, String.valueOf(e.getMessage()), e);
    }
    Optional<CodexException> failure = contentFilterFailure(response);
    if (failure.isPresent()) {
      throw failure.get();
    }
    return response;
  }

  private Optional<CodexException> contentFilterFailure(ChatResponse response) {
    if (!failOnContentFilter || !response.finishReason().equals(FinishReason.CONTENT_FILTER)) {
      return Optional.empty();
    }
    return Optional.of(
        new ContentFilterException(
            "the completion was withheld by the content filter",
            ErrorDetails.builder(provider).errorCode("content_filter").build(),
            ContentFilterResults.ofCompletion(response).orElse(null),
            false));
  }

  private EmbeddingResponse readEmbeddings(HttpResult result) {
    JsonNode root = json(result);
    List<Embedding> embeddings = new ArrayList<>();
    int position = 0;
    for (JsonNode item : root.path("data")) {
      int index = item.path("index").asInt(position++);
      JsonNode vector = item.get("embedding");
      float[] values;
      if (vector != null && vector.isTextual()) {
        values = decodeBase64(vector.asText(), result);
      } else if (vector != null && vector.isArray() && vector.size() > 0) {
        values = new float[vector.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) vector.get(i).asDouble();
        }
      } else {
        throw malformed(result, "embedding " + index + " has no vector", null);
      }
      embeddings.add(Embedding.of(index, values));
    }
    JsonNode usage = root.path("usage");
    TokenUsage tokens = new TokenUsage(Math.max(0, usage.path("prompt_tokens").asInt(0)), 0);
    String m = Json.text(root.get("model"));
    return EmbeddingResponse.of(embeddings, m.isEmpty() ? null : m, tokens);
  }

  private float[] decodeBase64(String text, HttpResult result) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw malformed(result, "embedding is not valid base64", e);
    }
    if (bytes.length == 0 || bytes.length % 4 != 0) {
      throw malformed(result, "base64 embedding of " + bytes.length + " bytes", null);
    }
    float[] values = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  private JsonNode json(HttpResult result) {
    return jsonObject(provider, result);
  }

  /**
   * Returns the JSON object a successful response carries, or throws a malformed-response error.
   */
  static JsonNode jsonObject(String provider, HttpResult result) {
    try {
      JsonNode root = Json.parse(result.body());
      if (root == null || !root.isObject()) {
        throw malformed(provider, result, "the body is not a JSON object", null);
      }
      return root;
    } catch (IOException e) {
      throw malformed(provider, result, "the body is not valid JSON", e);
    }
  }

  private ProviderException malformed(HttpResult result, String what, @Nullable Throwable cause) {
    return malformed(provider, result, what, cause);
  }

  /** Returns the error for a successful response whose body cannot be read. */
  static ProviderException malformed(
      String provider, HttpResult result, String what, @Nullable Throwable cause) {
    ErrorDetails details =
        ErrorDetails.builder(provider)
            .statusCode(result.status())
            .requestId(result.requestId().orElse(null))
            .build();
    return new ProviderException(
        "malformed response from " + provider + ": " + what, details, cause);
  }

  @Override
  public void close() {
    transport.close();
  }
}
