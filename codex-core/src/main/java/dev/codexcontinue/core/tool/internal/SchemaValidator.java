package dev.codexcontinue.core.tool.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.core.internal.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validates JSON values against the subset of JSON Schema that tool schemas use: {@code type},
 * {@code enum}, {@code const}, string, number, array and object constraints, {@code anyOf}/{@code
 * oneOf}/{@code allOf}/{@code not}, and local {@code $ref}. Other keywords are annotations and are
 * ignored. Immutable and thread-safe; {@link #compile} does all checks that can fail on the schema
 * itself, so {@link #validate} only ever reports violations of the value.
 */
public final class SchemaValidator {
  /** How many {@code $ref}s one validation path may follow, so a cycle cannot recurse forever. */
  static final int MAX_REF_DEPTH = 64;

  /** The most items any array may have, whatever its schema says. */
  public static final int MAX_ARRAY_ITEMS = 10_000;

  /** How many (schema, value) checks one validation may make before giving up. */
  static final int MAX_STEPS = 1_000_000;

  private final JsonNode root;
  private final Map<String, Pattern> patterns;
  private final Map<String, JsonNode> refs;

  private SchemaValidator(JsonNode root, SchemaCompiler compiled) {
    this.root = root;
    this.patterns = Map.copyOf(compiled.patterns());
    this.refs = Map.copyOf(compiled.refs());
  }

  /**
   * Compiles a schema given as JSON text.
   *
   * @throws IllegalArgumentException when the text is not JSON, not a schema, or uses a keyword
   *     wrongly (an unresolvable {@code $ref}, an invalid {@code pattern}, an unknown type)
   */
  public static SchemaValidator compile(String schemaJson) {
    Objects.requireNonNull(schemaJson, "schemaJson == null");
    JsonNode root;
    try {
      root = Json.parse(schemaJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("schema is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!root.isObject() && !root.isBoolean()) {
      throw new IllegalArgumentException("schema must be a JSON object");
    }
    return new SchemaValidator(root, SchemaCompiler.compile(root));
  }

  /**
   * Returns the violations of {@code value}, each as {@code pointer: message}; empty when it is
   * valid. At most {@value Violations#MAX_KEPT} are listed, then a count of the rest.
   */
  public List<String> validate(JsonNode value) {
    Objects.requireNonNull(value, "value == null");
    Violations out = new Violations();
    checkLimits(value, "", out);
    if (!out.isEmpty()) {
      // Schema keywords compare numbers exactly; a value outside the limits never reaches them.
      return out.toList();
    }
    try {
      new Run().check(root, value, "", 0, out);
    } catch (TooComplexException e) {
      Violations tooComplex = new Violations();
      tooComplex.add("/", "arguments are too complex to validate against the schema");
      return tooComplex.toList();
    }
    return out.toList();
  }

  /**
   * Checks the limits that hold whatever the schema says: numbers are finite (JSON allows {@code
   * 1e999}, a double does not) and arrays hold at most {@value #MAX_ARRAY_ITEMS} items.
   */
  private static void checkLimits(JsonNode value, String at, Violations out) {
    if (value.isNumber() && !value.isIntegralNumber() && !Double.isFinite(value.doubleValue())) {
      out.add(pointer(at), "number is out of range");
    } else if (value.isArray()) {
      if (value.size() > MAX_ARRAY_ITEMS) {
        out.add(
            pointer(at), "must have at most " + MAX_ARRAY_ITEMS + " items, had " + value.size());
        return;
      }
      for (int i = 0; i < value.size(); i++) {
        checkLimits(value.get(i), at + "/" + i, out);
      }
    } else if (value.isObject()) {
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        checkLimits(e.getValue(), at + "/" + escape(e.getKey()), out);
      }
    }
  }

  /** The state of one validation: the step budget. */
  private final class Run {
    private int steps;

    void check(JsonNode schema, JsonNode value, String at, int refDepth, Violations out) {
      if (++steps > MAX_STEPS) {
        throw new TooComplexException();
      }
      if (schema.isBoolean()) {
        if (!schema.booleanValue()) {
          out.add(pointer(at), "no value is allowed here");
        }
        return;
      }
      JsonNode ref = schema.get("$ref");
      if (ref != null) {
        if (refDepth >= MAX_REF_DEPTH) {
          out.add(pointer(at), "schema $ref nesting is deeper than " + MAX_REF_DEPTH);
          return;
        }
        check(Objects.requireNonNull(refs.get(ref.textValue())), value, at, refDepth + 1, out);
      }
      JsonNode type = schema.get("type");
      if (type != null && !typeMatches(type, value)) {
        out.add(pointer(at), "expected " + typeList(type) + ", got " + JsonTrees.typeName(value));
        return;
      }
      checkValue(schema, value, at, out);
      if (value.isTextual()) {
        StringChecks.check(schema, value.textValue(), pointer(at), patterns, out);
      } else if (value.isNumber()) {
        NumberChecks.check(schema, value, pointer(at), out);
      } else if (value.isArray()) {
        checkArray(schema, value, at, refDepth, out);
      } else if (value.isObject()) {
        checkObject(schema, value, at, refDepth, out);
      }
      checkCombinators(schema, value, at, refDepth, out);
    }

    private void checkValue(JsonNode schema, JsonNode value, String at, Violations out) {
      JsonNode allowed = schema.get("enum");
      if (allowed != null) {
        boolean found = false;
        for (JsonNode candidate : allowed) {
          if (JsonTrees.jsonEquals(candidate, value)) {
            found = true;
            break;
          }
        }
        if (!found) {
          out.add(pointer(at), "must be one of " + clip(allowed.toString(), 200));
        }
      }
      JsonNode constant = schema.get("const");
      if (constant != null && !JsonTrees.jsonEquals(constant, value)) {
        out.add(pointer(at), "must be " + clip(constant.toString(), 200));
      }
    }

    private void checkArray(
        JsonNode schema, JsonNode array, String at, int refDepth, Violations out) {
      int size = array.size();
      JsonNode min = schema.get("minItems");
      if (min != null && size < min.intValue()) {
        out.add(pointer(at), "must have at least " + min.intValue() + " items, had " + size);
      }
      JsonNode max = schema.get("maxItems");
      if (max != null && size > max.intValue()) {
        out.add(pointer(at), "must have at most " + max.intValue() + " items, had " + size);
      }
      JsonNode unique = schema.get("uniqueItems");
      if (unique != null && unique.booleanValue()) {
        checkUnique(array, at, out);
      }
      JsonNode items = schema.get("items");
      JsonNode prefix = schema.get("prefixItems");
      if (prefix == null && items != null && items.isArray()) {
        // Draft 4-7 tuple form: items is the prefix, additionalItems covers the rest.
        prefix = items;
        items = schema.get("additionalItems");
      }
      int prefixSize = prefix == null ? 0 : prefix.size();
      for (int i = 0; i < size; i++) {
        JsonNode itemSchema = i < prefixSize ? prefix.get(i) : items;
        if (itemSchema != null) {
          check(itemSchema, array.get(i), at + "/" + i, refDepth, out);
        }
      }
    }

    private void checkUnique(JsonNode array, String at, Violations out) {
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < array.size(); i++) {
        Integer earlier = seen.putIfAbsent(JsonTrees.canonicalKey(array.get(i)), i);
        if (earlier != null) {
          out.add(pointer(at), "items must be unique, but item " + i + " repeats item " + earlier);
          return;
        }
      }
    }

    private void checkObject(
        JsonNode schema, JsonNode object, String at, int refDepth, Violations out) {
      JsonNode required = schema.get("required");
      if (required != null) {
        for (JsonNode name : required) {
          if (!object.has(name.textValue())) {
            out.add(pointer(at), "missing required property '" + name.textValue() + "'");
          }
        }
      }
      int size = object.size();
      JsonNode min = schema.get("minProperties");
      if (min != null && size < min.intValue()) {
        out.add(pointer(at), "must have at least " + min.intValue() + " properties, had " + size);
      }
      JsonNode max = schema.get("maxProperties");
      if (max != null && size > max.intValue()) {
        out.add(pointer(at), "must have at most " + max.intValue() + " properties, had " + size);
      }
      JsonNode properties = schema.get("properties");
      JsonNode patternProperties = schema.get("patternProperties");
      JsonNode additional = schema.get("additionalProperties");
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        String name = e.getKey();
        String child = at + "/" + escape(name);
        boolean declared = false;
        JsonNode propertySchema = properties == null ? null : properties.get(name);
        if (propertySchema != null) {
          declared = true;
          check(propertySchema, e.getValue(), child, refDepth, out);
        }
        if (patternProperties != null) {
          for (Map.Entry<String, JsonNode> p : patternProperties.properties()) {
            Pattern pattern = Objects.requireNonNull(patterns.get(p.getKey()));
            switch (StringChecks.find(pattern, name)) {
              case MATCH -> {
                declared = true;
                check(p.getValue(), e.getValue(), child, refDepth, out);
              }
              case TOO_EXPENSIVE -> {
                declared = true;
                out.add(child, "name is too expensive to match against '" + p.getKey() + "'");
              }
              case NO_MATCH -> {}
            }
          }
        }
        if (!declared && additional != null) {
          if (additional.isBoolean() && !additional.booleanValue()) {
            out.add(pointer(at), "unexpected property '" + clip(name, 64) + "'");
          } else {
            check(additional, e.getValue(), child, refDepth, out);
          }
        }
      }
    }

    private void checkCombinators(
        JsonNode schema, JsonNode value, String at, int refDepth, Violations out) {
      JsonNode allOf = schema.get("allOf");
      if (allOf != null) {
        for (JsonNode branch : allOf) {
          check(branch, value, at, refDepth, out);
        }
      }
      JsonNode anyOf = schema.get("anyOf");
      if (anyOf != null) {
        List<Violations> failures = branches(anyOf, value, at, refDepth);
        if (failures.size() == anyOf.size()) {
          out.add(pointer(at), "must match at least one schema in anyOf " + summary(failures));
        }
      }
      JsonNode oneOf = schema.get("oneOf");
      if (oneOf != null) {
        List<Violations> failures = branches(oneOf, value, at, refDepth);
        int matched = oneOf.size() - failures.size();
        if (matched == 0) {
          out.add(pointer(at), "must match exactly one schema in oneOf " + summary(failures));
        } else if (matched > 1) {
          out.add(pointer(at), "must match exactly one schema in oneOf, but matched " + matched);
        }
      }
      JsonNode not = schema.get("not");
      if (not != null) {
        Violations inner = new Violations();
        check(not, value, at, refDepth, inner);
        if (inner.isEmpty()) {
          out.add(pointer(at), "must not match the schema in 'not'");
        }
      }
    }

    /** Validates each branch on its own; returns the violations of the branches that failed. */
    private List<Violations> branches(JsonNode schemas, JsonNode value, String at, int refDepth) {
      List<Violations> failures = new ArrayList<>();
      for (JsonNode branch : schemas) {
        Violations inner = new Violations();
        check(branch, value, at, refDepth, inner);
        if (!inner.isEmpty()) {
          failures.add(inner);
        }
      }
      return failures;
    }
  }

  private static String summary(List<Violations> failures) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < failures.size() && i < 3; i++) {
      sb.append(i == 0 ? "" : "; ").append(failures.get(i).first());
    }
    return sb.append(failures.size() > 3 ? "; ...)" : ")").toString();
  }

  private static boolean typeMatches(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeMatches(t, value)) {
          return true;
        }
      }
      return false;
    }
    String name = type.textValue();
    String actual = JsonTrees.typeName(value);
    return name.equals(actual) || (name.equals("number") && actual.equals("integer"));
  }

  private static String typeList(JsonNode type) {
    if (!type.isArray()) {
      return type.textValue();
    }
    List<String> names = new ArrayList<>();
    type.forEach(t -> names.add(t.textValue()));
    return String.join(" or ", names);
  }

  static String pointer(String at) {
    return at.isEmpty() ? "/" : at;
  }

  /** Escapes a property name as a JSON pointer segment, clipping very long names. */
  private static String escape(String name) {
    return clip(name, 64).replace("~", "~0").replace("/", "~1");
  }

  static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "\u2026";
  }

  /** Thrown when a validation exceeds its step budget; caught by {@link #validate}. */
  private static final class TooComplexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooComplexException() {
      super(null, null, false, false);
    }
  }
}
