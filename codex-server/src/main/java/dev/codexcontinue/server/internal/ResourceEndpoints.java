package dev.codexcontinue.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.PromptTemplate;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.exception.TemplateException;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MetadataFilter;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.prompt.DefaultTemplateEngine;
import dev.codexcontinue.core.tool.ToolExecution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Tools (list; invoke under the agent's policy), long-term memory (search with scores, add, delete)
 * and prompt templates (list; live preview) under {@code /api}.
 */
final class ResourceEndpoints {
  private static final int MAX_TOP_K = 50;
  private static final DefaultTemplateEngine ENGINE =
      DefaultTemplateEngine.withMaxOutputChars(64 * 1024);

  private final Backend backend;

  private ResourceEndpoints(Backend backend) {
    this.backend = backend;
  }

  static void register(Backend backend, List<Route> routes) {
    ResourceEndpoints r = new ResourceEndpoints(backend);
    routes.add(Route.of("GET", "/api/tools", r::tools));
    routes.add(Route.of("POST", "/api/tools/{name}/invoke", r::invoke));
    routes.add(Route.of("GET", "/api/memory/search", r::search));
    routes.add(Route.of("POST", "/api/memory", r::add));
    routes.add(Route.of("DELETE", "/api/memory/{id}", r::delete));
    routes.add(Route.of("GET", "/api/prompts", r::prompts));
    routes.add(Route.of("POST", "/api/prompts/preview", r::preview));
  }

  private void tools(Exchange ex) {
    ArrayNode list = Json.array();
    for (Tool tool : backend.tools().tools()) {
      if (backend.tools().policy().isAdvertised(tool)) {
        ToolSpec spec = tool.spec();
        ObjectNode o = list.addObject();
        o.put("name", spec.name());
        o.put("description", spec.description());
        o.set("parameters", Json.tryParse(spec.parametersSchema()).orElse(Json.object()));
      }
    }
    ObjectNode root = Json.object();
    root.set("tools", list);
    ex.json(200, root);
  }

  private void invoke(Exchange ex) {
    ObjectNode body = ex.jsonBody();
    JsonNode args = body.path("arguments");
    String arguments =
        args.isMissingNode() || args.isNull()
            ? "{}"
            : args.isTextual() ? args.asText() : Json.text(args);
    String user = Ids.check(Json.string(body, "user").orElse(AgentRequest.DEFAULT_USER));
    ToolCall call =
        ToolCall.of(
            "call_" + UUID.randomUUID().toString().replace("-", ""),
            ex.pathParam("name"),
            arguments);
    ToolExecution execution =
        backend.tools().execute(call, ToolContext.builder().userId(user).build());
    backend
        .metrics()
        .onToolExecution("api", dev.codexcontinue.api.memory.SessionKey.of(user, "api"), execution);
    ex.json(200, execution(execution));
  }

  static ObjectNode execution(ToolExecution t) {
    ObjectNode o = Json.object();
    o.put("id", t.call().id());
    o.put("name", t.call().name());
    o.put("arguments", t.call().arguments());
    o.put("outcome", t.outcome().name().toLowerCase(Locale.ROOT));
    o.put("content", t.result().content());
    o.put("is_error", t.result().isError());
    o.put("duration_ms", t.duration().toNanos() / 1e6);
    return o;
  }

  private void search(Exchange ex) {
    String q =
        ex.query("q")
            .filter(s -> !s.isBlank())
            .orElseThrow(
                () -> HttpError.badRequest("missing_field", "query parameter 'q' is required"));
    int k;
    try {
      k = Integer.parseInt(ex.query("k").orElse("5"));
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("invalid_k", "'k' must be a number");
    }
    if (k < 1 || k > MAX_TOP_K) {
      throw HttpError.badRequest("invalid_k", "'k' must be between 1 and " + MAX_TOP_K);
    }
    String user = Ids.check(ex.query("user").orElse(AgentRequest.DEFAULT_USER));
    MemoryQuery query =
        MemoryQuery.byVector(backend.embeddings().embed(q))
            .topK(k)
            .filter(MetadataFilter.eq(MemoryRecord.USER, user))
            .build();
    ArrayNode list = Json.array();
    backend.memory().search(query).forEach(m -> list.add(match(m)));
    ObjectNode root = Json.object();
    root.set("matches", list);
    ex.json(200, root);
  }

  static ObjectNode match(MemoryMatch m) {
    ObjectNode o = Json.object();
    o.put("id", m.record().id());
    o.put("text", m.record().text());
    o.put("score", m.score());
    ObjectNode meta = o.putObject("metadata");
    m.record().metadata().forEach((k, v) -> meta.put(k, String.valueOf(v)));
    return o;
  }

  private void add(Exchange ex) {
    ObjectNode body = ex.jsonBody();
    String text =
        Json.string(body, "text")
            .filter(t -> !t.isBlank())
            .orElseThrow(() -> HttpError.badRequest("missing_field", "'text' is required"));
    String user = Ids.check(Json.string(body, "user").orElse(AgentRequest.DEFAULT_USER));
    String id = Json.string(body, "id").map(Ids::check).orElse("m-" + UUID.randomUUID());
    Map<String, Object> metadata = new LinkedHashMap<>();
    body.path("metadata")
        .fields()
        .forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
    metadata.put(MemoryRecord.USER, user);
    metadata.put(MemoryRecord.SOURCE, "api");
    metadata.put(MemoryRecord.TIME, System.currentTimeMillis());
    MemoryRecord record =
        MemoryRecord.builder(id, text)
            .vector(backend.embeddings().embed(text))
            .metadata(metadata)
            .build();
    backend.memory().add(List.of(record));
    ObjectNode root = Json.object();
    root.put("id", id);
    ex.json(201, root);
  }

  private void delete(Exchange ex) {
    int removed = backend.memory().delete(List.of(Ids.check(ex.pathParam("id"))));
    if (removed == 0) {
      throw HttpError.notFound("no memory " + ex.pathParam("id"));
    }
    ex.empty(204);
  }

  private void prompts(Exchange ex) {
    ArrayNode list = Json.array();
    for (String name : backend.prompts().names()) {
      ObjectNode o = list.addObject();
      o.put("name", name);
      ArrayNode vars = o.putArray("variables");
      backend.prompts().get(name).variables().forEach(vars::add);
    }
    ObjectNode root = Json.object();
    root.set("prompts", list);
    ex.json(200, root);
  }

  private void preview(Exchange ex) {
    ObjectNode body = ex.jsonBody();
    String source =
        Json.string(body, "template")
            .orElseThrow(() -> HttpError.badRequest("missing_field", "'template' is required"));
    Map<String, String> values = new LinkedHashMap<>();
    body.path("variables")
        .fields()
        .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    ObjectNode root = Json.object();
    try {
      PromptTemplate template = ENGINE.create("preview", source);
      ArrayNode vars = root.putArray("variables");
      template.variables().forEach(vars::add);
      root.put("rendered", template.render(values));
    } catch (TemplateException | IllegalArgumentException e) {
      root.put("error", String.valueOf(e.getMessage()));
    }
    ex.json(200, root);
  }
}
