package dev.codexcontinue.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.exception.ToolArgumentException;
import dev.codexcontinue.core.tool.internal.ArgumentReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ToolArgumentsTest {
  record Range(int from, int to) {}

  private static ToolArguments args(String json) {
    ObjectNode tree = ArgumentReader.parse("t", json);
    return ToolArguments.of("t", tree);
  }

  private static void assertViolation(Runnable access, String violation) {
    assertThatThrownBy(access::run)
        .isInstanceOfSatisfying(
            ToolArgumentException.class,
            e -> {
              assertThat(e.toolName()).isEqualTo("t");
              assertThat(e.violations()).containsExactly(violation);
            });
  }

  @Test
  void typedAccessors_returnTheValues() {
    ToolArguments args =
        args(
            "{\"s\":\"x\",\"i\":42,\"f\":3.0,\"d\":1.5,\"b\":true,\"l\":[1,\"a\",null],"
                + "\"m\":{\"k\":[true]},\"r\":{\"from\":1,\"to\":2},\"n\":null}");

    assertThat(args.string("s")).isEqualTo("x");
    assertThat(args.integer("i")).isEqualTo(42L);
    assertThat(args.integer("f")).isEqualTo(3L);
    assertThat(args.number("d")).isEqualTo(1.5);
    assertThat(args.number("i")).isEqualTo(42.0);
    assertThat(args.bool("b")).isTrue();
    assertThat(args.list("l")).containsExactly(1, "a", null);
    assertThat(args.map("m")).isEqualTo(Map.of("k", List.of(true)));
    assertThat(args.value("r", Range.class)).isEqualTo(new Range(1, 2));
    assertThat(args.list("l").subList(0, 2)).isEqualTo(List.of(1, "a"));
    assertThat(args.has("n")).isFalse();
    assertThat(args.has("s")).isTrue();
    assertThat(args.names()).containsExactly("s", "i", "f", "d", "b", "l", "m", "r", "n");
    assertThat(args.optionalString("n")).isEmpty();
    assertThat(args.optionalInteger("missing")).isEmpty();
    assertThat(args.optionalNumber("d")).hasValue(1.5);
    assertThat(args.optionalBool("b")).contains(true);
    assertThat(args.json()).startsWith("{\"s\":\"x\",\"i\":42,");
  }

  @Test
  void listOfType_convertsEachItem() {
    ToolArguments args =
        args("{\"rs\":[{\"from\":1,\"to\":2},{\"from\":3,\"to\":4}],\"ns\":[1,2]}");

    assertThat(args.list("rs", Range.class)).containsExactly(new Range(1, 2), new Range(3, 4));
    assertThat(args.list("ns", Long.class)).containsExactly(1L, 2L);
    assertThatThrownBy(() -> args.list("ns", Range.class))
        .isInstanceOfSatisfying(
            ToolArgumentException.class,
            e -> assertThat(e.violations().get(0)).startsWith("/ns/0: cannot convert to Range: "));
  }

  @Test
  void as_convertsTheWholeObject() {
    assertThat(args("{\"from\":5,\"to\":6}").as(Range.class)).isEqualTo(new Range(5, 6));
    assertThat(args("{\"a\":[1]}").asMap()).isEqualTo(Map.of("a", List.of(1)));
  }

  @Test
  void errors_nameTheArgumentWithAPointer() {
    ToolArguments args = args("{\"s\":5,\"i\":1.5,\"big\":1e30,\"huge\":123456789012345678901234}");

    assertViolation(() -> args.string("missing"), "/missing: missing required argument");
    assertViolation(() -> args.string("s"), "/s: expected string, got integer");
    assertViolation(() -> args.integer("i"), "/i: expected integer, got number");
    assertViolation(() -> args.integer("big"), "/big: integer out of range");
    assertViolation(() -> args.integer("huge"), "/huge: integer out of range");
    assertViolation(() -> args.bool("s"), "/s: expected boolean, got integer");
    assertViolation(() -> args.list("s"), "/s: expected array, got integer");
    assertViolation(() -> args.map("s"), "/s: expected object, got integer");
    assertViolation(() -> args.number("missing"), "/missing: missing required argument");
    assertViolation(
        () -> args.value("missing", Range.class), "/missing: missing required argument");
  }

  @Test
  void collections_areImmutable() {
    ToolArguments args = args("{\"l\":[1],\"m\":{\"a\":1}}");

    assertThatThrownBy(() -> args.list("l").add(2))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> args.map("m").clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> args.names().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
