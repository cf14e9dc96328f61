package dev.codexcontinue.provider.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.http.HttpTransport;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * One Ollama server: builds calls to its paths (with the configured headers), sends them through
 * the transport, and reads JSON answers, reporting bodies that are not what Ollama sends as
 * malformed. Thread-safe.
 */
public final class Endpoint {
  private final String provider;
  private final HttpTransport transport;
  private final String baseUrl;
  private final Map<String, String> headers;

  /**
   * Creates the endpoint at {@code baseUrl} (no trailing slash); {@code headers} go on every call.
   */
  public Endpoint(
      String provider, HttpTransport transport, String baseUrl, Map<String, String> headers) {
    this.provider = provider;
    this.transport = transport;
    this.baseUrl = baseUrl;
    this.headers = Map.copyOf(headers);
  }

  /** Returns the provider id. */
  public String provider() {
    return provider;
  }

  /** Returns the transport. */
  public HttpTransport transport() {
    return transport;
  }

  /** Returns a POST of {@code body} to {@code path}. */
  public HttpCall.Builder post(String path, ObjectNode body, String operation) {
    return withHeaders(
        HttpCall.post(baseUrl + path).jsonBody(body.toString()).operation(operation));
  }

  /** Returns a GET of {@code path}. */
  public HttpCall.Builder get(String path, String operation) {
    return withHeaders(HttpCall.get(baseUrl + path).operation(operation));
  }

  private HttpCall.Builder withHeaders(HttpCall.Builder call) {
    headers.forEach(call::header);
    return call;
  }

  /** Sends {@code call} and returns its JSON object. */
  public JsonNode execute(HttpCall call) {
    return json(transport.execute(call));
  }

  /** Sends {@code call} without blocking and reads its JSON object with {@code reader}. */
  public <T> CompletableFuture<T> executeAsync(HttpCall call, Function<JsonNode, T> reader) {
    return transport.executeAsync(call, result -> reader.apply(json(result)));
  }

  /**
   * Returns the JSON object of a successful response.
   *
   * @throws ProviderException when the body is not a JSON object, or is Ollama's {@code {"error":
   *     ...}} under a success status
   */
  public JsonNode json(HttpResult result) {
    JsonNode root;
    try {
      root = Json.parse(result.body());
    } catch (IOException e) {
      throw malformed("the body is not valid JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw malformed("the body is not a JSON object", null);
    }
    JsonNode error = root.get("error");
    if (error != null && !error.isNull()) {
      String message = error.isTextual() ? error.asText() : error.toString();
      throw new ProviderException(
          transport.redactor().redact("error from " + provider + ": " + message),
          ErrorDetails.builder(provider).statusCode(result.status()).build(),
          null);
    }
    return root;
  }

  /** Returns the exception for an answer that is not what Ollama sends. */
  public ProviderException malformed(String what, @Nullable Throwable cause) {
    return new ProviderException(
        "malformed response from " + provider + ": " + what, ErrorDetails.of(provider), cause);
  }
}
