package dev.codexcontinue.provider.ollama;

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
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates request bodies against the component schemas of Ollama's OpenAPI document (a copy in
 * {@code src/test/resources/openapi/}). A component is checked inside a document that carries all
 * {@code components}, so its {@code $ref}s resolve.
 */
final class OpenApiSchemas {
  private static final Map<String, Schema> BY_NAME = new ConcurrentHashMap<>();
  private static final JsonNode COMPONENTS = readComponents();

  private OpenApiSchemas() {}

  /** Returns the violations of {@code json} against component {@code name}; empty when valid. */
  static List<String> violations(String name, String json) {
    Schema schema = BY_NAME.computeIfAbsent(name, OpenApiSchemas::compile);
    return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
  }

  private static Schema compile(String name) {
    ObjectNode document = new YAMLMapper().createObjectNode();
    document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    document.put("$ref", "#/components/schemas/" + name);
    document.set("components", COMPONENTS);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(document);
  }

  private static JsonNode readComponents() {
    try (InputStream in = OpenApiSchemas.class.getResourceAsStream("/openapi/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi/openapi.yaml is missing from test resources");
      }
      return new YAMLMapper().readTree(in).get("components");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
