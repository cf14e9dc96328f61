package dev.codexcontinue.provider.openai;

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
 * Validates request bodies against the component schemas of OpenAI's official OpenAPI document (a
 * copy in {@code src/test/resources/openapi/}). Each component is wrapped in a document that
 * carries all of {@code components}, so its {@code $ref}s resolve.
 */
final class OpenApiSchemas {
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
  private static volatile JsonNode components;

  private OpenApiSchemas() {}

  /** Returns the violations of {@code json} against component {@code name}; empty when valid. */
  static List<String> violations(String name, String json) {
    Schema schema = SCHEMAS.computeIfAbsent(name, OpenApiSchemas::load);
    return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
  }

  private static Schema load(String name) {
    YAMLMapper yaml = new YAMLMapper();
    ObjectNode root = yaml.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", "#/components/schemas/" + name);
    root.set("components", components(yaml));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root);
  }

  private static synchronized JsonNode components(YAMLMapper yaml) {
    if (components == null) {
      try (InputStream in = OpenApiSchemas.class.getResourceAsStream("/openapi/openapi.yaml")) {
        if (in == null) {
          throw new IllegalStateException("openapi.yaml missing from test resources");
        }
        // The document has blank lines made of spaces inside block scalars of "example" values,
        // which strict YAML parsers reject; emptying such lines changes no schema.
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        components = yaml.readTree(text.replaceAll("(?m)^[ \\t]+$", "")).get("components");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return components;
  }
}
