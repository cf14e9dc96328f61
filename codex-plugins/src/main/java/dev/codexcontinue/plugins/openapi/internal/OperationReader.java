package dev.codexcontinue.plugins.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.plugins.net.internal.ToolArgs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the operations of a document: path-level parameters merged with the operation's own, local
 * references resolved, one tool name per operation (its {@code operationId}, or method and path,
 * cut to {@code [a-zA-Z0-9_-]{1,64}} and made unique). An operation that cannot be turned into a
 * tool (an external reference, a required body that is not JSON, a required cookie) is left out
 * with a warning.
 */
public final class OperationReader {
  private static final Logger log = LoggerFactory.getLogger(OperationReader.class);
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final int MAX_DESCRIPTION = 1000;

  private OperationReader() {}

  /** Returns the operations of {@code doc}, tool names prefixed with {@code prefix}. */
  public static List<Operation> read(OpenApiDocument doc, String prefix) {
    List<Operation> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    SchemaConverter schemas = new SchemaConverter(doc);
    for (Map.Entry<String, JsonNode> path : doc.root().path("paths").properties()) {
      JsonNode item = path.getValue();
      for (String method : METHODS) {
        JsonNode op = item.get(method);
        if (op == null || !op.isObject()) {
          continue;
        }
        try {
          out.add(operation(doc, schemas, prefix, path.getKey(), method, item, op, names));
        } catch (IllegalArgumentException e) {
          log.warn(
              "OpenAPI operation {} {} left out: {}",
              method.toUpperCase(Locale.ROOT),
              path.getKey(),
              e.getMessage());
        }
      }
    }
    return out;
  }

  private static Operation operation(
      OpenApiDocument doc,
      SchemaConverter schemas,
      String prefix,
      String path,
      String method,
      JsonNode item,
      JsonNode op,
      Set<String> names) {
    Map<String, JsonNode> params = new LinkedHashMap<>();
    for (JsonNode source : List.of(item.path("parameters"), op.path("parameters"))) {
      for (JsonNode p : source) {
        JsonNode param = doc.deref(p);
        params.put(param.path("in").asText("") + ":" + param.path("name").asText(""), param);
      }
    }
    ObjectNode schema = ToolArgs.JSON.createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = ToolArgs.JSON.createArrayNode();
    List<Operation.Parameter> parameters = new ArrayList<>();
    for (JsonNode param : params.values()) {
      String name = param.path("name").asText("");
      String in = param.path("in").asText("");
      boolean req = param.path("required").asBoolean(false) || in.equals("path");
      if (in.equals("cookie")) {
        if (req) {
          throw new IllegalArgumentException("required cookie parameter '" + name + "'");
        }
        continue;
      }
      String argument =
          properties.has(argumentName(name)) ? in + "_" + argumentName(name) : argumentName(name);
      ObjectNode prop = schemas.convert(param.path("schema"));
      if (param.hasNonNull("description") && !prop.has("description")) {
        prop.put("description", cut(param.path("description").asText()));
      }
      properties.set(argument, prop);
      if (req) {
        required.add(argument);
      }
      parameters.add(new Operation.Parameter(name, in, argument));
    }
    boolean hasBody = body(doc, schemas, op, properties, required);
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    String upper = method.toUpperCase(Locale.ROOT);
    String name = unique(prefix + baseName(op, method, path), names);
    String text = op.path("summary").asText(op.path("description").asText(""));
    String description =
        (text.isBlank() ? doc.title() + " operation" : cut(text.strip()))
            + " ("
            + upper
            + " "
            + path
            + ")";
    return new Operation(name, upper, path, description, parameters, hasBody, schema.toString());
  }

  private static boolean body(
      OpenApiDocument doc,
      SchemaConverter schemas,
      JsonNode op,
      ObjectNode properties,
      ArrayNode required) {
    if (!op.has("requestBody")) {
      return false;
    }
    JsonNode body = doc.deref(op.path("requestBody"));
    boolean req = body.path("required").asBoolean(false);
    for (Map.Entry<String, JsonNode> media : body.path("content").properties()) {
      String type = media.getKey().toLowerCase(Locale.ROOT);
      if (type.startsWith("application/json") || type.contains("+json")) {
        ObjectNode schema = schemas.convert(media.getValue().path("schema"));
        if (body.hasNonNull("description") && !schema.has("description")) {
          schema.put("description", cut(body.path("description").asText()));
        }
        properties.set("body", schema);
        if (req) {
          required.add("body");
        }
        return true;
      }
    }
    if (req) {
      throw new IllegalArgumentException("its required request body is not JSON");
    }
    return false;
  }

  private static String baseName(JsonNode op, String method, String path) {
    String id = op.path("operationId").asText("");
    return id.isBlank() ? method + "_" + path : id;
  }

  private static String unique(String raw, Set<String> names) {
    String base =
        raw.replaceAll("[^a-zA-Z0-9_-]+", "_").replaceAll("_{2,}", "_").replaceAll("^_+|_+$", "");
    if (base.isEmpty()) {
      base = "operation";
    }
    base = base.length() > 64 ? base.substring(0, 64) : base;
    String name = base;
    for (int n = 2; !names.add(name); n++) {
      String suffix = "_" + n;
      name = base.substring(0, Math.min(base.length(), 64 - suffix.length())) + suffix;
    }
    return name;
  }

  private static String argumentName(String name) {
    String s = name.replaceAll("[^a-zA-Z0-9_.-]", "_");
    return s.length() > 64 ? s.substring(0, 64) : s.isEmpty() ? "_" : s;
  }

  private static String cut(String text) {
    return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "...";
  }
}
