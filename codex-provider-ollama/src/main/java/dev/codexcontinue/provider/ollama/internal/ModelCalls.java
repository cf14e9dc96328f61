package dev.codexcontinue.provider.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.provider.ollama.OllamaModelDetails;
import dev.codexcontinue.provider.ollama.RunningModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * The model-management calls: {@code /api/tags}, {@code /api/show} (whose answers feed the context
 * windows' cache), {@code /api/ps}, {@code /api/version}, and loading or unloading a model with an
 * empty {@code /api/chat}. Thread-safe.
 */
public final class ModelCalls {
  private final Endpoint endpoint;
  private final ContextWindows windows;
  private final WireDefaults defaults;

  /** Creates the calls. */
  public ModelCalls(Endpoint endpoint, ContextWindows windows, WireDefaults defaults) {
    this.endpoint = endpoint;
    this.windows = windows;
    this.defaults = defaults;
  }

  /** Lists the models on the server, with their context length when already known. */
  public List<ModelInfo> models() {
    JsonNode root = endpoint.execute(endpoint.get("/api/tags", "models").build());
    List<ModelInfo> models = new ArrayList<>();
    for (JsonNode item : root.path("models")) {
      String name = Json.text(item.get("name"));
      if (name.isEmpty()) {
        name = Json.text(item.get("model"));
      }
      if (!name.isEmpty()) {
        ModelInfo info = ModelInfo.of(name);
        OptionalInt length =
            windows.cached(name).map(OllamaModelDetails::contextLength).orElse(OptionalInt.empty());
        models.add(length.isPresent() ? info.withContextLength(length.getAsInt()) : info);
      }
    }
    return models;
  }

  /** Asks {@code /api/show} about {@code model} and caches the answer. */
  public OllamaModelDetails show(String model, boolean verbose) {
    return read(model, endpoint.execute(showCall(model, verbose)));
  }

  /** Asks {@code /api/show} without blocking; cancelling the future cancels the call. */
  public CompletableFuture<OllamaModelDetails> showAsync(String model) {
    return endpoint.executeAsync(showCall(model, false), root -> read(model, root));
  }

  private HttpCall showCall(String model, boolean verbose) {
    ObjectNode body = Json.object().put("model", model);
    if (verbose) {
      body.put("verbose", true);
    }
    return endpoint.post("/api/show", body, "show").build();
  }

  private OllamaModelDetails read(String model, JsonNode root) {
    @SuppressWarnings("unchecked") // a JSON object converts to a map with string keys
    Map<String, Object> show = (Map<String, Object>) Json.plain(root);
    OllamaModelDetails details = OllamaModelDetails.of(model, show == null ? Map.of() : show);
    windows.remember(details);
    return details;
  }

  /** Lists the models loaded in memory. */
  public List<RunningModel> running() {
    JsonNode root = endpoint.execute(endpoint.get("/api/ps", "running").build());
    List<RunningModel> running = new ArrayList<>();
    for (JsonNode item : root.path("models")) {
      if (Json.plain(item) instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked") // a JSON object converts to a map with string keys
        Map<String, Object> entry = (Map<String, Object>) map;
        running.add(RunningModel.of(entry));
      }
    }
    return running;
  }

  /** Returns the server's version. */
  public String version() {
    JsonNode root = endpoint.execute(endpoint.get("/api/version", "version").build());
    String version = Json.text(root.get("version"));
    if (version.isEmpty()) {
      throw endpoint.malformed("no version in /api/version", null);
    }
    return version;
  }

  /**
   * Loads {@code model} into memory (an empty {@code /api/chat}), or unloads it with {@code
   * keep_alive: 0}; returns the server's {@code done_reason}.
   */
  public FinishReason loadOrUnload(String model, boolean unload) {
    ObjectNode body = Json.object().put("model", model);
    body.putArray("messages");
    Object keepAlive = defaults.keepAlive();
    if (unload) {
      body.put("keep_alive", 0);
    } else if (keepAlive != null) {
      body.set("keep_alive", Json.toNode(keepAlive));
    }
    JsonNode root =
        endpoint.execute(endpoint.post("/api/chat", body, unload ? "unload" : "load").build());
    String reason = Json.text(root.get("done_reason"));
    return reason.isEmpty() ? FinishReason.STOP : FinishReason.of(reason);
  }
}
