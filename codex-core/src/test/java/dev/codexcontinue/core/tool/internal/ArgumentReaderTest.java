package dev.codexcontinue.core.tool.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.exception.ToolArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RELIABILITY 21 at the parsing layer: JSON limits, object shape, schema. */
final class ArgumentReaderTest {
  private static final SchemaValidator PATH_SCHEMA =
      SchemaValidator.compile(
          "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},"
              + "\"required\":[\"path\"],\"additionalProperties\":false}");

  private static ToolArgumentException rejected(String text) {
    ToolArgumentException e =
        catchThrowableOfType(
            ToolArgumentException.class, () -> ArgumentReader.read("read", text, PATH_SCHEMA));
    assertThat(e).as("expected a ToolArgumentException").isNotNull();
    assertThat(e.toolName()).isEqualTo("read");
    return e;
  }

  @Test
  void read_valid_returnsTheObject() {
    ObjectNode args = ArgumentReader.read("read", " {\"path\" : \"a\"} ", PATH_SCHEMA);

    assertThat(args.get("path").textValue()).isEqualTo("a");
  }

  @Test
  void read_wrongType_namesThePointer() {
    assertThat(rejected("{\"path\":5}").violations())
        .containsExactly("/path: expected string, got integer");
  }

  @Test
  void read_extraProperty_isUnexpected() {
    assertThat(rejected("{\"path\":\"a\",\"x\":1}").violations())
        .containsExactly("/: unexpected property 'x'");
  }

  @Test
  void read_missingRequired_saysWhich() {
    assertThat(rejected("{}").violations()).containsExactly("/: missing required property 'path'");
  }

  @Test
  void read_tenMebibyteString_isRejectedBeforeParsing() {
    String text = "{\"path\":\"" + "a".repeat(10 << 20) + "\"}";

    assertThat(rejected(text).violations().get(0))
        .startsWith("/: arguments are 10485771 characters long, more than the");
  }

  @Test
  void read_stringOverTheJsonLimit_isRejectedByTheParser() {
    String text = "{\"path\":\"" + "a".repeat((1 << 20) + 1) + "\"}";

    assertThat(rejected(text).violations().get(0))
        .startsWith("/: arguments are not valid JSON:")
        .contains("String value length");
  }

  @Test
  void read_twoThousandDeepArrays_isRejectedAtTheDepthLimit() {
    String text = "{\"path\":" + "[".repeat(2000) + "]".repeat(2000) + "}";

    assertThat(rejected(text).violations().get(0))
        .startsWith("/: arguments are not valid JSON:")
        .contains("nesting depth");
  }

  @Test
  void read_trailingTokens_areRejected() {
    assertThat(rejected("{\"a\":1} x").violations().get(0))
        .startsWith("/: arguments are not valid JSON:");
    assertThat(rejected("{\"path\":\"a\"} {}").violations().get(0))
        .startsWith("/: arguments are not valid JSON:");
  }

  @Test
  void read_duplicateKey_isRejectedAsAmbiguous() {
    assertThat(rejected("{\"path\":\"a\",\"path\":\"/etc/passwd\"}").violations().get(0))
        .contains("Duplicate field 'path'");
  }

  @Test
  void read_hugeNumberText_isRejected() {
    assertThat(rejected("{\"path\":" + "9".repeat(1001) + "}").violations().get(0))
        .startsWith("/: arguments are not valid JSON:")
        .contains("Number value length");
  }

  @Test
  void read_infiniteDouble_isOutOfRange() {
    SchemaValidator any = SchemaValidator.compile("{}");

    ToolArgumentException e =
        catchThrowableOfType(
            ToolArgumentException.class, () -> ArgumentReader.read("t", "{\"n\":1e999}", any));

    assertThat(e.violations()).containsExactly("/n: number is out of range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"path\"", "5", "null", "true"})
  void read_notAnObject_isRejected(String text) {
    assertThat(rejected(text).violations().get(0)).startsWith("/: arguments must be a JSON object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t"})
  void parse_blankText_countsAsEmptyObject(String text) {
    assertThat(ArgumentReader.parse("t", text).isEmpty()).isTrue();
  }

  @Test
  void read_invalidJson_reportsLineAndColumn() {
    assertThat(rejected("{\n\"path\": nope}").violations().get(0))
        .startsWith("/: arguments are not valid JSON: Unrecognized token 'nope'")
        .endsWith("(line 2, column 9)");
  }
}
