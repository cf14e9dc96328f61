package dev.codexcontinue.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.CodeSnippet;
import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tabby's editor API under {@code /tabby}: {@code POST /v1/completions}, {@code POST /v1/events}
 * and {@code GET /v1/health}, so Tabby's editor extensions complete code with any provider.
 */
public final class TabbyEndpoints {
  private static final Set<String> EVENT_TYPES =
      Set.of("view", "select", "dismiss", "completion", "chat_completion");

  private final Backend backend;
  private final String version;
  private final LongAdder events = new LongAdder();

  /** Creates the endpoints. */
  public TabbyEndpoints(Backend backend, String version) {
    this.backend = backend;
    this.version = version;
  }

  /** Completes the code between {@code segments.prefix} and {@code segments.suffix}. */
  public void completions(Exchange ex) {
    ObjectNode body = ex.jsonBody();
    JsonNode segments = body.path("segments");
    if (!segments.isObject()) {
      throw HttpError.badRequest("invalid_segments", "'segments' with 'prefix' is required");
    }
    String prefix =
        Json.string(segments, "prefix")
            .orElseThrow(
                () -> HttpError.badRequest("invalid_segments", "'segments.prefix' is required"));
    CompletionRequest.Builder b =
        CompletionRequest.builder(prefix, Json.string(segments, "suffix").orElse(""));
    Json.string(body, "language").ifPresent(b::language);
    Json.string(segments, "filepath").ifPresent(b::filePath);
    Json.string(segments, "git_url").ifPresent(b::gitUrl);
    Json.string(segments, "clipboard").ifPresent(b::clipboard);
    Json.string(body, "user").ifPresent(b::user);
    if (body.hasNonNull("temperature")) {
      b.temperature(body.get("temperature").asDouble());
    }
    if (body.hasNonNull("seed")) {
      b.seed(body.get("seed").asLong());
    }
    snippets(b, segments.path("declarations"), CodeSnippet.Kind.DECLARATION);
    snippets(
        b, segments.path("relevant_snippets_from_changed_files"), CodeSnippet.Kind.CHANGED_FILE);
    snippets(
        b,
        segments.path("relevant_snippets_from_recently_opened_files"),
        CodeSnippet.Kind.RECENT_FILE);
    CompletionResponse response = backend.provider().complete(b.build());
    backend.metrics().tokens(response.usage());
    ObjectNode root = Json.object();
    root.put("id", response.id());
    ArrayNode choices = root.putArray("choices");
    for (CompletionChoice c : response.choices()) {
      choices.addObject().put("index", c.index()).put("text", c.text());
    }
    ex.json(200, root);
  }

  private static void snippets(CompletionRequest.Builder b, JsonNode items, CodeSnippet.Kind kind) {
    for (JsonNode s : items) {
      String path = s.path("filepath").asText("");
      String text = s.path("body").asText("");
      if (!text.isEmpty()) {
        CodeSnippet snippet = CodeSnippet.of(kind, path, text);
        b.addSnippet(
            s.hasNonNull("score") ? snippet.withScore(s.get("score").asDouble()) : snippet);
      }
    }
  }

  /** Accepts a completion event (view, select, dismiss); unknown types are a 400 as in Tabby. */
  public void events(Exchange ex) {
    ObjectNode body = ex.jsonBody();
    String type = Json.string(body, "type").orElse("");
    if (!EVENT_TYPES.contains(type)) {
      ex.empty(400);
      return;
    }
    events.increment();
    ex.empty(200);
  }

  /** Returns Tabby's health document, which the editor extensions read on connect. */
  public void health(Exchange ex) {
    ObjectNode root = Json.object();
    root.put("model", backend.modelName());
    root.putNull("chat_model");
    root.put("device", "remote");
    root.put("arch", System.getProperty("os.arch", "unknown"));
    root.put("cpu_info", "codex-server");
    root.put("cpu_count", Runtime.getRuntime().availableProcessors());
    root.putArray("cuda_devices");
    ObjectNode v = root.putObject("version");
    v.put("build_date", "");
    v.put("build_timestamp", "");
    v.put("git_sha", "");
    v.put("git_describe", version);
    root.putObject("webserver").put("version", version);
    ex.json(200, root);
  }

  /** Returns how many events were accepted. */
  public long eventCount() {
    return events.sum();
  }
}
