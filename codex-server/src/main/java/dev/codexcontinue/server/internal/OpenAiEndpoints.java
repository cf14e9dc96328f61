package dev.codexcontinue.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.api.exception.UnsupportedCapabilityException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code GET /v1/models}, {@code POST /v1/embeddings} and {@code POST /v1/completions}. */
public final class OpenAiEndpoints {
  private static final int MAX_EMBEDDING_INPUTS = 2048;

  private final Backend backend;

  /** Creates the endpoints. */
  public OpenAiEndpoints(Backend backend) {
    this.backend = backend;
  }

  /** Lists the agent's model id and the provider's models. */
  public void models(Exchange ex) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(backend.modelName());
    if (backend.provider().supports(Capability.MODEL_LISTING)) {
      try {
        backend.provider().models().stream().map(ModelInfo::id).forEach(ids::add);
      } catch (UnsupportedCapabilityException e) {
        // Listing is optional for a provider: the agent's own id is enough for clients.
      }
    }
    ObjectNode root = Json.object();
    root.put("object", "list");
    ArrayNode data = root.putArray("data");
    for (String id : ids) {
      data.addObject()
          .put("id", id)
          .put("object", "model")
          .put("created", 0)
          .put("owned_by", "codex");
    }
    ex.json(200, root);
  }

  /** Embeds texts with the provider when it can, else with the agent's embedding model. */
  public void embeddings(Exchange ex) {
    ObjectNode body = ex.jsonBody();
    List<String> inputs = texts(body.get("input"));
    String format = Json.string(body, "encoding_format").orElse("float");
    if (!format.equals("float") && !format.equals("base64")) {
      throw HttpError.badRequest("invalid_encoding_format", "encoding_format is float or base64");
    }
    String model = Json.string(body, "model").orElse(backend.embeddings().name());
    List<float[]> vectors;
    if (backend.provider().supports(Capability.EMBEDDINGS)) {
      dev.codexcontinue.api.EmbeddingRequest request =
          model.equals(backend.modelName())
              ? dev.codexcontinue.api.EmbeddingRequest.of(inputs)
              : dev.codexcontinue.api.EmbeddingRequest.of(model, inputs);
      if (body.hasNonNull("dimensions")) {
        request = request.withDimensions(body.get("dimensions").asInt());
      }
      vectors = backend.provider().embed(request).vectors();
    } else {
      vectors = backend.embeddings().embedAll(inputs);
    }
    ObjectNode root = Json.object();
    root.put("object", "list");
    ArrayNode data = root.putArray("data");
    for (int i = 0; i < vectors.size(); i++) {
      ObjectNode item = data.addObject();
      item.put("object", "embedding");
      item.put("index", i);
      if (format.equals("base64")) {
        item.put("embedding", base64(vectors.get(i)));
      } else {
        ArrayNode values = item.putArray("embedding");
        for (float v : vectors.get(i)) {
          values.add(v);
        }
      }
    }
    root.put("model", model);
    int tokens = inputs.stream().mapToInt(s -> (s.length() + 3) / 4).sum();
    root.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    ex.json(200, root);
  }

  private static List<String> texts(JsonNode input) {
    List<String> out = new ArrayList<>();
    if (input != null && input.isTextual()) {
      out.add(input.asText());
    } else if (input != null && input.isArray()) {
      for (JsonNode item : input) {
        if (!item.isTextual()) {
          throw HttpError.badRequest(
              "invalid_input", "'input' must be a string or an array of strings (no token ids)");
        }
        out.add(item.asText());
      }
    }
    if (out.isEmpty() || out.size() > MAX_EMBEDDING_INPUTS) {
      throw HttpError.badRequest(
          "invalid_input", "'input' needs 1 to " + MAX_EMBEDDING_INPUTS + " strings");
    }
    return out;
  }

  private static String base64(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : vector) {
      buffer.putFloat(v);
    }
    return Base64.getEncoder().encodeToString(buffer.array());
  }

  /** Completes code between {@code prompt} and {@code suffix} (fill in the middle). */
  public void completions(Exchange ex) throws IOException {
    ObjectNode body = ex.jsonBody();
    JsonNode prompt = body.get("prompt");
    String prefix;
    if (prompt != null && prompt.isTextual()) {
      prefix = prompt.asText();
    } else if (prompt != null
        && prompt.isArray()
        && prompt.size() == 1
        && prompt.get(0).isTextual()) {
      prefix = prompt.get(0).asText();
    } else {
      throw HttpError.badRequest("invalid_prompt", "'prompt' must be one string");
    }
    String model = Json.string(body, "model").orElse(backend.modelName());
    CompletionRequest.Builder b =
        CompletionRequest.builder(prefix, Json.string(body, "suffix").orElse(""));
    if (!model.equals(backend.modelName())) {
      b.model(model);
    }
    if (body.hasNonNull("max_tokens")) {
      b.maxOutputTokens(body.get("max_tokens").asInt());
    }
    if (body.hasNonNull("temperature")) {
      b.temperature(body.get("temperature").asDouble());
    }
    if (body.hasNonNull("seed")) {
      b.seed(body.get("seed").asLong());
    }
    Json.string(body, "user").ifPresent(b::user);
    b.stop(ChatCompletions.stops(body.get("stop")));
    CompletionResponse response = backend.provider().complete(b.build());
    backend.metrics().tokens(response.usage());
    long created = System.currentTimeMillis() / 1000;
    if (Json.bool(body, "stream", false)) {
      try (SseStream sse = SseStream.open(ex)) {
        for (CompletionChoice c : response.choices()) {
          ObjectNode chunk = envelope(response.id(), created, model);
          chunk.putArray("choices").add(choice(c));
          sse.data(chunk);
        }
        sse.event(null, "[DONE]");
      }
      return;
    }
    ObjectNode root = envelope(response.id(), created, model);
    ArrayNode choices = root.putArray("choices");
    response.choices().forEach(c -> choices.add(choice(c)));
    root.set("usage", OpenAiWire.usage(response.usage()));
    ex.json(200, root);
  }

  private static ObjectNode envelope(String id, long created, String model) {
    ObjectNode root = Json.object();
    root.put("id", id);
    root.put("object", "text_completion");
    root.put("created", created);
    root.put("model", model);
    return root;
  }

  private static ObjectNode choice(CompletionChoice c) {
    ObjectNode o = Json.object();
    o.put("text", c.text());
    o.put("index", c.index());
    o.putNull("logprobs");
    o.put("finish_reason", "stop");
    return o;
  }
}
