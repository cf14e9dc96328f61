package dev.codexcontinue.core.tool.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a schema once, when a tool is registered, so that validation never meets a malformed
 * keyword: every {@code $ref} must resolve inside the document, every {@code pattern} must compile,
 * and every keyword this validator applies must have the right JSON type.
 */
final class SchemaCompiler {
  static final Set<String> TYPES =
      Set.of("string", "integer", "number", "boolean", "object", "array", "null");

  private static final Set<String> COUNTS =
      Set.of("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties");
  private static final Set<String> BOUNDS = Set.of("minimum", "maximum", "multipleOf");
  private static final Set<String> EXCLUSIVE_BOUNDS =
      Set.of("exclusiveMinimum", "exclusiveMaximum");
  private static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "$defs", "definitions");
  private static final Set<String> SCHEMA_LISTS = Set.of("anyOf", "oneOf", "allOf", "prefixItems");
  private static final Set<String> SINGLE_SCHEMAS =
      Set.of("not", "additionalProperties", "additionalItems");

  private final JsonNode root;
  private final Map<String, Pattern> patterns = new HashMap<>();
  private final Map<String, JsonNode> refs = new HashMap<>();

  private SchemaCompiler(JsonNode root) {
    this.root = root;
  }

  /** Checks {@code root}; the returned compiler holds its compiled patterns and resolved refs. */
  static SchemaCompiler compile(JsonNode root) {
    requireFiniteNumbers(root, "");
    SchemaCompiler compiler = new SchemaCompiler(root);
    compiler.walk(root, "");
    return compiler;
  }

  Map<String, Pattern> patterns() {
    return patterns;
  }

  Map<String, JsonNode> refs() {
    return refs;
  }

  private static void requireFiniteNumbers(JsonNode node, String at) {
    if (node.isNumber() && !node.isIntegralNumber() && !Double.isFinite(node.doubleValue())) {
      throw bad(at, "number out of range");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      requireFiniteNumbers(e.getValue(), at + "/" + e.getKey());
    }
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      requireFiniteNumbers(node.get(i), at + "/" + i);
    }
  }

  private void walk(JsonNode schema, String at) {
    if (schema.isBoolean()) {
      return;
    }
    if (!schema.isObject()) {
      throw bad(at, "a schema must be an object or a boolean, got " + JsonTrees.typeName(schema));
    }
    for (Map.Entry<String, JsonNode> e : schema.properties()) {
      checkKeyword(e.getKey(), e.getValue(), at + "/" + e.getKey());
    }
  }

  private void checkKeyword(String keyword, JsonNode value, String at) {
    if (COUNTS.contains(keyword)) {
      if (!value.canConvertToExactIntegral() || value.asLong() < 0 || !value.canConvertToInt()) {
        throw bad(at, "must be a non-negative integer");
      }
    } else if (BOUNDS.contains(keyword)) {
      requireNumber(value, at);
      if (keyword.equals("multipleOf") && JsonTrees.decimal(value).signum() <= 0) {
        throw bad(at, "must be greater than 0");
      }
    } else if (EXCLUSIVE_BOUNDS.contains(keyword)) {
      if (!value.isBoolean()) {
        requireNumber(value, at);
      }
    } else if (SCHEMA_MAPS.contains(keyword)) {
      if (!value.isObject()) {
        throw bad(at, "must be an object of schemas");
      }
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        if (keyword.equals("patternProperties")) {
          compilePattern(e.getKey(), at);
        }
        walk(e.getValue(), at + "/" + e.getKey());
      }
    } else if (SCHEMA_LISTS.contains(keyword)) {
      if (!value.isArray() || value.isEmpty()) {
        throw bad(at, "must be a non-empty array of schemas");
      }
      walkEach(value, at);
    } else if (SINGLE_SCHEMAS.contains(keyword)) {
      walk(value, at);
    } else {
      checkOther(keyword, value, at);
    }
  }

  private void checkOther(String keyword, JsonNode value, String at) {
    switch (keyword) {
      case "type" -> checkType(value, at);
      case "items" -> {
        if (value.isArray()) {
          walkEach(value, at);
        } else {
          walk(value, at);
        }
      }
      case "required" -> {
        if (!value.isArray()) {
          throw bad(at, "must be an array of property names");
        }
        value.forEach(
            name -> {
              if (!name.isTextual()) {
                throw bad(at, "must be an array of property names");
              }
            });
      }
      case "enum" -> {
        if (!value.isArray()) {
          throw bad(at, "must be an array");
        }
      }
      case "pattern" -> {
        if (!value.isTextual()) {
          throw bad(at, "must be a string");
        }
        compilePattern(value.textValue(), at);
      }
      case "uniqueItems" -> {
        if (!value.isBoolean()) {
          throw bad(at, "must be a boolean");
        }
      }
      case "$ref" -> resolveRef(value, at);
      default -> {
        // Annotations (description, title, default, examples, format) and keywords this
        // validator does not apply are ignored, as JSON Schema asks of unknown keywords.
      }
    }
  }

  private void walkEach(JsonNode schemas, String at) {
    for (int i = 0; i < schemas.size(); i++) {
      walk(schemas.get(i), at + "/" + i);
    }
  }

  private void checkType(JsonNode value, String at) {
    if (value.isTextual()) {
      if (!TYPES.contains(value.textValue())) {
        throw bad(at, "unknown type '" + value.textValue() + "'; known: " + TYPES);
      }
      return;
    }
    if (!value.isArray() || value.isEmpty()) {
      throw bad(at, "must be a type name or a non-empty array of type names");
    }
    value.forEach(type -> checkType(type, at));
  }

  private static void requireNumber(JsonNode value, String at) {
    if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
      throw bad(at, "must be a finite number");
    }
  }

  private void compilePattern(String regex, String at) {
    try {
      patterns.computeIfAbsent(regex, Pattern::compile);
    } catch (PatternSyntaxException e) {
      throw bad(at, "invalid regular expression '" + regex + "': " + e.getDescription());
    }
  }

  private void resolveRef(JsonNode value, String at) {
    if (!value.isTextual()) {
      throw bad(at, "must be a string");
    }
    String ref = value.textValue();
    if (!ref.startsWith("#")) {
      throw bad(at, "only local references (#/$defs/...) are supported, got '" + ref + "'");
    }
    JsonNode target;
    try {
      target = ref.length() == 1 ? root : root.at(JsonPointer.compile(ref.substring(1)));
    } catch (IllegalArgumentException e) {
      throw bad(at, "invalid JSON pointer in '" + ref + "'");
    }
    if (target.isMissingNode()) {
      throw bad(at, "'" + ref + "' does not resolve within the schema");
    }
    refs.put(ref, target);
  }

  private static IllegalArgumentException bad(String at, String message) {
    return new IllegalArgumentException(
        "invalid schema at " + (at.isEmpty() ? "/" : at) + ": " + message);
  }
}
