package dev.codexcontinue.core.tool.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The number keywords, compared as exact decimals: {@code minimum}, {@code maximum}, {@code
 * exclusiveMinimum}/{@code exclusiveMaximum} (as numbers, or as the booleans of draft 4) and {@code
 * multipleOf}.
 */
final class NumberChecks {
  private NumberChecks() {}

  static void check(JsonNode schema, JsonNode number, String pointer, Violations out) {
    BigDecimal value = JsonTrees.decimal(number);
    JsonNode minimum = schema.get("minimum");
    JsonNode exclusiveMinimum = schema.get("exclusiveMinimum");
    boolean minimumIsExclusive =
        exclusiveMinimum != null && exclusiveMinimum.isBoolean() && exclusiveMinimum.booleanValue();
    if (minimum != null) {
      int c = value.compareTo(JsonTrees.decimal(minimum));
      if (minimumIsExclusive ? c <= 0 : c < 0) {
        out.add(pointer, "must be " + (minimumIsExclusive ? "> " : ">= ") + minimum);
      }
    }
    if (exclusiveMinimum != null
        && exclusiveMinimum.isNumber()
        && value.compareTo(JsonTrees.decimal(exclusiveMinimum)) <= 0) {
      out.add(pointer, "must be > " + exclusiveMinimum);
    }
    JsonNode maximum = schema.get("maximum");
    JsonNode exclusiveMaximum = schema.get("exclusiveMaximum");
    boolean maximumIsExclusive =
        exclusiveMaximum != null && exclusiveMaximum.isBoolean() && exclusiveMaximum.booleanValue();
    if (maximum != null) {
      int c = value.compareTo(JsonTrees.decimal(maximum));
      if (maximumIsExclusive ? c >= 0 : c > 0) {
        out.add(pointer, "must be " + (maximumIsExclusive ? "< " : "<= ") + maximum);
      }
    }
    if (exclusiveMaximum != null
        && exclusiveMaximum.isNumber()
        && value.compareTo(JsonTrees.decimal(exclusiveMaximum)) >= 0) {
      out.add(pointer, "must be < " + exclusiveMaximum);
    }
    JsonNode multipleOf = schema.get("multipleOf");
    if (multipleOf != null && value.remainder(JsonTrees.decimal(multipleOf)).signum() != 0) {
      out.add(pointer, "must be a multiple of " + multipleOf);
    }
  }
}
