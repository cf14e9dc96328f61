package dev.codexcontinue.core.tool.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.core.internal.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One row per keyword behaviour: schema, value, and the exact violations (empty = valid). */
final class SchemaValidatorTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // type
        row("{'type':'string'}", "'a'"),
        row("{'type':'string'}", "5", "/: expected string, got integer"),
        row("{'type':'integer'}", "5"),
        row("{'type':'integer'}", "5.0"),
        row("{'type':'integer'}", "5.5", "/: expected integer, got number"),
        row("{'type':'integer'}", "123456789012345678901234567890"),
        row("{'type':'number'}", "5"),
        row("{'type':'number'}", "-1.5e3"),
        row("{'type':'number'}", "'5'", "/: expected number, got string"),
        row("{'type':'boolean'}", "false"),
        row("{'type':'boolean'}", "0", "/: expected boolean, got integer"),
        row("{'type':'null'}", "null"),
        row("{'type':'null'}", "'null'", "/: expected null, got string"),
        row("{'type':'object'}", "{}"),
        row("{'type':'object'}", "[]", "/: expected object, got array"),
        row("{'type':'array'}", "[]"),
        row("{'type':'array'}", "{}", "/: expected array, got object"),
        row("{'type':['string','null']}", "null"),
        row("{'type':['string','null']}", "1", "/: expected string or null, got integer"),
        // boolean schemas
        row("true", "{'x':[1]}"),
        row("{'properties':{'x':false}}", "{'x':1}", "/x: no value is allowed here"),
        // enum and const
        row("{'enum':['a','b',1]}", "'b'"),
        row("{'enum':['a','b',1]}", "1.0"),
        row("{'enum':['a','b']}", "'c'", "/: must be one of [\"a\",\"b\"]"),
        row("{'enum':[{'k':[1,2]}]}", "{'k':[1,2]}"),
        row("{'const':'x'}", "'x'"),
        row("{'const':'x'}", "'y'", "/: must be \"x\""),
        // strings
        row("{'minLength':2}", "'ab'"),
        row("{'minLength':2}", "'a'", "/: must be at least 2 characters, was 1"),
        row("{'maxLength':2}", "'ab'"),
        row("{'maxLength':2}", "'abc'", "/: must be at most 2 characters, was 3"),
        row("{'maxLength':2}", "'\uD83D\uDE00\uD83D\uDE00'"),
        row("{'maxLength':2}", "5"),
        row("{'pattern':'^[a-z]+$'}", "'abc'"),
        row("{'pattern':'b'}", "'abc'"),
        row("{'pattern':'^[a-z]+$'}", "'ab1'", "/: must match the pattern '^[a-z]+$'"),
        // numbers
        row("{'minimum':1}", "1"),
        row("{'minimum':1}", "0.5", "/: must be >= 1"),
        row("{'maximum':10}", "10"),
        row("{'maximum':10}", "10.01", "/: must be <= 10"),
        row("{'exclusiveMinimum':1}", "1", "/: must be > 1"),
        row("{'exclusiveMinimum':1}", "1.0001"),
        row("{'exclusiveMaximum':1}", "1", "/: must be < 1"),
        row("{'minimum':1,'exclusiveMinimum':true}", "1", "/: must be > 1"),
        row("{'maximum':1,'exclusiveMaximum':true}", "1", "/: must be < 1"),
        row("{'maximum':1,'exclusiveMaximum':false}", "1"),
        row("{'multipleOf':0.1}", "0.3"),
        row("{'multipleOf':3}", "10", "/: must be a multiple of 3"),
        row("{'maximum':9007199254740993}", "9007199254740994", "/: must be <= 9007199254740993"),
        // arrays
        row("{'items':{'type':'integer'}}", "[1,2]"),
        row("{'items':{'type':'integer'}}", "[1,'x']", "/1: expected integer, got string"),
        row("{'minItems':1}", "[]", "/: must have at least 1 items, had 0"),
        row("{'maxItems':1}", "[1,2]", "/: must have at most 1 items, had 2"),
        row("{'uniqueItems':true}", "[1,2,3]"),
        row(
            "{'uniqueItems':true}",
            "[1,2,1.0]",
            "/: items must be unique, but item 2 repeats item 0"),
        row(
            "{'uniqueItems':true}",
            "[{'a':1,'b':2},{'b':2,'a':1}]",
            "/: items must be unique, but item 1 repeats item 0"),
        row("{'uniqueItems':true}", "[[1],['1']]"),
        row("{'items':[{'type':'string'},{'type':'integer'}]}", "['a',1,true]"),
        row(
            "{'items':[{'type':'string'}],'additionalItems':false}",
            "['a',1]",
            "/1: no value is allowed here"),
        row("{'prefixItems':[{'type':'string'}],'items':{'type':'integer'}}", "['a',1,2]"),
        row(
            "{'prefixItems':[{'type':'string'}],'items':{'type':'integer'}}",
            "[1,'a']",
            "/0: expected string, got integer",
            "/1: expected integer, got string"),
        // objects
        row("{'required':['path']}", "{'path':'a'}"),
        row("{'required':['path']}", "{}", "/: missing required property 'path'"),
        row(
            "{'properties':{'a':{'type':'string'}}}",
            "{'a':1}",
            "/a: expected string, got integer"),
        row(
            "{'properties':{'a':{}},'additionalProperties':false}",
            "{'a':1,'x':2}",
            "/: unexpected property 'x'"),
        row(
            "{'properties':{'a':{}},'additionalProperties':{'type':'integer'}}",
            "{'a':'s','x':2,'y':'z'}",
            "/y: expected integer, got string"),
        row(
            "{'patternProperties':{'^x-':{'type':'string'}},'additionalProperties':false}",
            "{'x-a':'ok','x-b':1,'other':1}",
            "/x-b: expected string, got integer",
            "/: unexpected property 'other'"),
        row("{'minProperties':1}", "{}", "/: must have at least 1 properties, had 0"),
        row("{'maxProperties':1}", "{'a':1,'b':2}", "/: must have at most 1 properties, had 2"),
        row(
            "{'properties':{'a/b':{'properties':{'c~d':{'type':'string'}}}}}",
            "{'a/b':{'c~d':1}}",
            "/a~1b/c~0d: expected string, got integer"),
        // combinators
        row("{'allOf':[{'minimum':1},{'maximum':3}]}", "2"),
        row("{'allOf':[{'minimum':1},{'maximum':3}]}", "4", "/: must be <= 3"),
        row("{'anyOf':[{'type':'string'},{'type':'integer'}]}", "1"),
        row(
            "{'anyOf':[{'type':'string'},{'type':'integer'}]}",
            "true",
            "/: must match at least one schema in anyOf (/: expected string, got boolean;"
                + " /: expected integer, got boolean)"),
        row("{'oneOf':[{'type':'string'},{'type':'integer'}]}", "'a'"),
        row(
            "{'oneOf':[{'type':'number'},{'type':'integer'}]}",
            "1",
            "/: must match exactly one schema in oneOf, but matched 2"),
        row(
            "{'oneOf':[{'type':'string'}]}",
            "1",
            "/: must match exactly one schema in oneOf (/: expected string, got integer)"),
        row("{'not':{'type':'string'}}", "1"),
        row("{'not':{'type':'string'}}", "'a'", "/: must not match the schema in 'not'"),
        // $ref
        row(
            "{'$defs':{'pos':{'type':'integer','minimum':0}},'properties':{'n':{'$ref':'#/$defs/pos'}}}",
            "{'n':-1}",
            "/n: must be >= 0"),
        row(
            "{'definitions':{'s':{'type':'string'}},'items':{'$ref':'#/definitions/s'}}",
            "['a',2]",
            "/1: expected string, got integer"),
        row(
            "{'type':'object','properties':{'child':{'$ref':'#'}},'additionalProperties':false}",
            "{'child':{'child':{'x':1}}}",
            "/child/child: unexpected property 'x'"),
        // annotations and unknown keywords are ignored
        row("{'type':'string','description':'d','title':'t','default':5,'format':'email'}", "'x'"),
        row("{'if':{'type':'string'},'then':false}", "'x'"),
        // limits that hold whatever the schema says
        row("{}", "{'a':1e999}", "/a: number is out of range"));
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @MethodSource("cases")
  void validate_table(String schema, String value, List<String> expected) {
    SchemaValidator validator = SchemaValidator.compile(json(schema));

    assertThat(validator.validate(tree(value))).containsExactlyElementsOf(expected);
  }

  @Test
  void validate_arrayOverDefaultCap_isRejectedEvenWithoutMaxItems() {
    SchemaValidator validator = SchemaValidator.compile("{}");
    String array = "[" + "0,".repeat(SchemaValidator.MAX_ARRAY_ITEMS) + "0]";

    assertThat(validator.validate(tree("{'a':" + array + "}")))
        .containsExactly("/a: must have at most 10000 items, had 10001");
  }

  @Test
  void validate_manyViolations_listsTheFirstTwentyAndCountsTheRest() {
    SchemaValidator validator = SchemaValidator.compile(json("{'items':{'type':'string'}}"));

    List<String> violations = validator.validate(tree("[" + "1,".repeat(29) + "1]"));

    assertThat(violations).hasSize(21).startsWith("/0: expected string, got integer");
    assertThat(violations.get(20)).isEqualTo("... and 10 more violations");
  }

  @Test
  @Timeout(20)
  void validate_selfReferentialRef_stopsAtTheDepthGuard() {
    SchemaValidator validator =
        SchemaValidator.compile(json("{'$defs':{'a':{'$ref':'#/$defs/a'}},'$ref':'#/$defs/a'}"));

    assertThat(validator.validate(tree("1")))
        .containsExactly("/: schema $ref nesting is deeper than 64");
  }

  @Test
  @Timeout(20)
  void validate_exponentialAnyOf_givesUpWithAViolation() {
    String schema =
        "{'$defs':{'n':{'anyOf':[{'items':{'$ref':'#/$defs/n'}},{'items':{'$ref':'#/$defs/n'}},"
            + "{'type':'string'}]}},'$ref':'#/$defs/n'}";
    String value = "[".repeat(40) + "1" + "]".repeat(40);

    assertThat(SchemaValidator.compile(json(schema)).validate(tree(value)))
        .containsExactly("/: arguments are too complex to validate against the schema");
  }

  @Test
  @Timeout(20)
  void validate_catastrophicPattern_reportsInsteadOfHanging() {
    SchemaValidator validator = SchemaValidator.compile(json("{'pattern':'^(a+)+$'}"));

    assertThat(validator.validate(tree("'" + "a".repeat(5000) + "!'")))
        .containsExactly("/: is too expensive to match against the pattern; send a shorter value");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "'x'",
        "{'type':'str'}",
        "{'type':[]}",
        "{'maxLength':-1}",
        "{'maxLength':1.5}",
        "{'minimum':'1'}",
        "{'multipleOf':0}",
        "{'pattern':'('}",
        "{'patternProperties':{'[':{}}}",
        "{'$ref':'#/$defs/missing'}",
        "{'$ref':'https://example.com/schema'}",
        "{'properties':[]}",
        "{'anyOf':[]}",
        "{'required':'a'}",
        "{'items':5}",
        "{'enum':1e999}",
        "{not json",
      })
  void compile_invalidSchema_throwsIllegalArgumentException(String schema) {
    assertThatThrownBy(() -> SchemaValidator.compile(json(schema)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema");
  }

  private static Arguments row(String schema, String value, String... violations) {
    return Arguments.of(schema, value, List.of(violations));
  }

  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static JsonNode tree(String singleQuoted) {
    try {
      return Json.mapper().readTree(json(singleQuoted));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
