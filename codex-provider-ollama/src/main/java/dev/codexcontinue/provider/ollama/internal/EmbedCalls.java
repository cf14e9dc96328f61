package dev.codexcontinue.provider.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Embedding;
import dev.codexcontinue.api.EmbeddingRequest;
import dev.codexcontinue.api.EmbeddingResponse;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.provider.ollama.ModelNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings through {@code /api/embed}, one call per batch. Servers older than 0.3.4 lack that
 * route and answer 404 without naming a model; the provider then switches, once and for good, to
 * the legacy {@code /api/embeddings}, one call per input. Thread-safe.
 */
public final class EmbedCalls {
  private static final Logger log = LoggerFactory.getLogger(EmbedCalls.class);

  private final Endpoint endpoint;
  private final WireDefaults defaults;
  private final AtomicBoolean legacy = new AtomicBoolean();

  /** Creates the calls. */
  public EmbedCalls(Endpoint endpoint, WireDefaults defaults) {
    this.endpoint = endpoint;
    this.defaults = defaults;
  }

  /** Embeds the inputs of {@code request} with {@code model}. */
  public EmbeddingResponse embed(EmbeddingRequest request, String model) {
    if (!legacy.get()) {
      try {
        return batch(request, model);
      } catch (InvalidRequestException e) {
        if (e instanceof ModelNotFoundException || e.statusCode().orElse(0) != 404) {
          throw e;
        }
        legacy.set(true);
        log.warn(
            "ollama: the server has no /api/embed (older than 0.3.4); using /api/embeddings,"
                + " one call per input, without dimensions or truncate");
      }
    }
    return oneByOne(request, model);
  }

  private EmbeddingResponse batch(EmbeddingRequest request, String model) {
    ObjectNode body = Json.object().put("model", model);
    List<String> inputs = request.inputs();
    if (inputs.size() == 1) {
      body.put("input", inputs.get(0));
    } else {
      ArrayNode array = body.putArray("input");
      inputs.forEach(array::add);
    }
    Boolean truncate = defaults.truncateEmbeddings();
    if (truncate != null) {
      body.put("truncate", truncate);
    }
    request.dimensions().ifPresent(d -> body.put("dimensions", d));
    keepAlive(body);
    JsonNode root = endpoint.execute(endpoint.post("/api/embed", body, "embed").build());
    JsonNode vectors = root.path("embeddings");
    if (vectors.size() != inputs.size()) {
      throw endpoint.malformed(
          vectors.size() + " embeddings for " + inputs.size() + " inputs", null);
    }
    List<Embedding> embeddings = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      embeddings.add(Embedding.of(i, vector(vectors.get(i), i)));
    }
    long tokens = Math.max(0, Json.count(root.get("prompt_eval_count")));
    return EmbeddingResponse.of(
        embeddings,
        modelOf(root, model),
        new TokenUsage((int) Math.min(Integer.MAX_VALUE, tokens), 0));
  }

  private EmbeddingResponse oneByOne(EmbeddingRequest request, String model) {
    List<Embedding> embeddings = new ArrayList<>();
    for (int i = 0; i < request.inputs().size(); i++) {
      ObjectNode body = Json.object().put("model", model).put("prompt", request.inputs().get(i));
      keepAlive(body);
      JsonNode root = endpoint.execute(endpoint.post("/api/embeddings", body, "embed").build());
      embeddings.add(Embedding.of(i, vector(root.path("embedding"), i)));
    }
    return EmbeddingResponse.of(embeddings, model, TokenUsage.ZERO);
  }

  private void keepAlive(ObjectNode body) {
    Object keepAlive = defaults.keepAlive();
    if (keepAlive != null) {
      body.set("keep_alive", Json.toNode(keepAlive));
    }
  }

  private float[] vector(JsonNode node, int index) {
    if (!node.isArray() || node.isEmpty()) {
      throw endpoint.malformed("embedding " + index + " has no vector", null);
    }
    float[] values = new float[node.size()];
    for (int j = 0; j < values.length; j++) {
      JsonNode v = node.get(j);
      if (!v.isNumber()) {
        throw endpoint.malformed("embedding " + index + " holds a non-number", null);
      }
      values[j] = (float) v.asDouble();
    }
    return values;
  }

  private static String modelOf(JsonNode root, String fallback) {
    String m = Json.text(root.get("model"));
    return m.isEmpty() ? fallback : m;
  }
}
