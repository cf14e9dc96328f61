package dev.codexcontinue.provider.tabby;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates request bodies against the component schemas of Tabby's published OpenAPI document (a
 * copy of {@code website/static/openapi.json}, v0.17, in {@code src/test/resources/openapi/}). The
 * document predates fields that current servers read ({@code mode}, {@code
 * relevant_snippets_from_recently_opened_files}...); its schemas do not forbid extra properties, so
 * those pass, and the fields it does describe are checked.
 */
final class TabbyOpenApi {
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private TabbyOpenApi() {}

  /** Returns the violations of {@code json} against component {@code name}; empty when valid. */
  static List<String> violations(String name, String json) {
    return SCHEMAS
        .computeIfAbsent(name, TabbyOpenApi::load)
        .validate(json, InputFormat.JSON)
        .stream()
        .map(Object::toString)
        .toList();
  }

  private static Schema load(String name) {
    JsonMapper mapper = new JsonMapper();
    JsonNode components;
    try (InputStream in = TabbyOpenApi.class.getResourceAsStream("/openapi/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json missing from test resources");
      }
      components = mapper.readTree(in).get("components");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode root = mapper.createObjectNode();
    root.put("$ref", "#/components/schemas/" + name);
    root.set("components", components);
    // OpenAPI 3.0 schemas are draft-04 flavoured; "nullable" and "example" are annotations here.
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(root);
  }
}
