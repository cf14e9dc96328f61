package dev.codexcontinue.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.core.tool.ToolExecution.Outcome;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tools derived from {@link ToolMethod}s: schemas, argument conversion, bad declarations. */
final class AnnotatedToolsTest {
  enum Unit {
    CELSIUS,
    FAHRENHEIT
  }

  record Point(
      @ToolParam("x coordinate") int x,
      @ToolParam(value = "label", required = false) String label) {}

  static final class Weather {
    @ToolMethod("Returns the temperature in a city")
    public String temperature(
        @ToolParam("the city's name") String city,
        @ToolParam(value = "the unit", required = false) Unit unit,
        ToolContext context) {
      return city
          + " 21 "
          + (unit == null ? "CELSIUS" : unit)
          + " for "
          + context.userId().orElse("?");
    }

    @ToolMethod(name = "sum_all", value = "Adds numbers", permission = ToolPermission.ASK)
    public long sum(@ToolParam(name = "values") List<Long> numbers, Optional<Integer> offset) {
      return numbers.stream().mapToLong(Long::longValue).sum() + offset.orElse(0);
    }

    @ToolMethod("Describes points")
    public Map<String, Object> points(
        List<Point> points, Map<String, Double> weights, Set<String> tags, double[] extra) {
      return Map.of(
          "count",
          points.size(),
          "first",
          points.get(0),
          "weights",
          weights.size(),
          "tags",
          tags.size(),
          "extra",
          extra.length);
    }

    @ToolMethod("Does nothing visible")
    public void touch(boolean flag) {}

    @ToolMethod("Always fails")
    public String explode() throws Exception {
      throw new java.io.FileNotFoundException("config.yml");
    }

    public String notATool() {
      return "";
    }
  }

  private final List<Tool> tools = Tools.fromAnnotated(new Weather());

  private Tool tool(String name) {
    return tools.stream().filter(t -> t.spec().name().equals(name)).findFirst().orElseThrow();
  }

  private ToolExecution run(String name, String arguments) {
    return ToolExecutor.builder()
        .tools(tools)
        .approver(ToolApprover.ALLOW_ALL)
        .build()
        .execute(ToolCall.of("c", name, arguments), ToolContext.builder().userId("ada").build());
  }

  @Test
  void fromAnnotated_findsEveryToolMethodSortedByName() {
    assertThat(tools)
        .extracting(t -> t.spec().name())
        .containsExactly("explode", "points", "sum_all", "temperature", "touch");
    assertThat(tool("sum_all").defaultPermission()).isEqualTo(ToolPermission.ASK);
    assertThat(tool("temperature").defaultPermission()).isEqualTo(ToolPermission.ALLOW);
    assertThat(tool("temperature").spec().description())
        .isEqualTo("Returns the temperature in a city");
  }

  @Test
  void schema_followsParameterNamesTypesAndAnnotations() {
    assertThat(tool("temperature").spec().parametersSchema())
        .isEqualTo(
            JsonSchema.object()
                .property("city", JsonSchema.string().description("the city's name"))
                .property(
                    "unit", JsonSchema.enumOf("CELSIUS", "FAHRENHEIT").description("the unit"))
                .required("city")
                .toJson());
    assertThat(tool("sum_all").spec().parametersSchema())
        .isEqualTo(
            JsonSchema.object()
                .property("values", JsonSchema.array(JsonSchema.integer()))
                .property("offset", JsonSchema.integer())
                .required("values")
                .toJson());
    assertThat(tool("points").spec().parametersSchema())
        .isEqualTo(
            JsonSchema.object()
                .property(
                    "points",
                    JsonSchema.array(
                        JsonSchema.object()
                            .property("x", JsonSchema.integer().description("x coordinate"))
                            .property("label", JsonSchema.string().description("label"))
                            .required("x")))
                .property("weights", JsonSchema.object().additionalProperties(JsonSchema.number()))
                .property("tags", JsonSchema.array(JsonSchema.string()).uniqueItems())
                .property("extra", JsonSchema.array(JsonSchema.number()))
                .required("points", "weights", "tags", "extra")
                .toJson());
    assertThat(tool("explode").spec().parametersSchema()).isEqualTo(JsonSchema.object().toJson());
  }

  @Test
  void execute_convertsArgumentsAndInjectsTheContext() {
    assertThat(run("temperature", "{\"city\":\"Oslo\",\"unit\":\"FAHRENHEIT\"}").result())
        .isEqualTo(ToolResult.of("Oslo 21 FAHRENHEIT for ada"));
    assertThat(run("temperature", "{\"city\":\"Oslo\"}").result())
        .isEqualTo(ToolResult.of("Oslo 21 CELSIUS for ada"));
    assertThat(run("sum_all", "{\"values\":[1,2,3]}").result()).isEqualTo(ToolResult.of("6"));
    assertThat(run("sum_all", "{\"values\":[1,2,3],\"offset\":10}").result())
        .isEqualTo(ToolResult.of("16"));
    assertThat(run("touch", "{\"flag\":true}").result()).isEqualTo(ToolResult.of("ok"));
  }

  @Test
  void execute_nestedRecordsMapsSetsAndArrays_areConverted() {
    ToolExecution execution =
        run(
            "points",
            "{\"points\":[{\"x\":1,\"label\":\"a\"},{\"x\":2}],\"weights\":{\"w\":0.5},"
                + "\"tags\":[\"t\"],\"extra\":[1.5,2]}");

    assertThat(execution.outcome()).isEqualTo(Outcome.EXECUTED);
    assertThat(execution.result().content())
        .contains(
            "\"count\":2",
            "\"first\":{\"x\":1,\"label\":\"a\"}",
            "\"weights\":1",
            "\"tags\":1",
            "\"extra\":2");
  }

  @Test
  void execute_badArguments_areRejectedBeforeTheMethodRuns() {
    ToolExecution badEnum = run("temperature", "{\"city\":\"Oslo\",\"unit\":\"KELVIN\"}");
    ToolExecution missing = run("temperature", "{}");
    ToolExecution wrongItems = run("sum_all", "{\"values\":[\"1\"]}");

    assertThat(badEnum.outcome()).isEqualTo(Outcome.INVALID_ARGUMENTS);
    assertThat(badEnum.result().content())
        .contains("/unit: must be one of [\"CELSIUS\",\"FAHRENHEIT\"]");
    assertThat(missing.result().content()).contains("/: missing required property 'city'");
    assertThat(wrongItems.result().content()).contains("/values/0: expected integer, got string");
  }

  @Test
  void execute_outOfRangeInteger_failsWithAClearMessage() {
    ToolExecution execution =
        run("points", "{\"points\":[{\"x\":5000000000}],\"weights\":{},\"tags\":[],\"extra\":[]}");

    assertThat(execution.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(execution.result().content())
        .startsWith("invalid arguments for tool 'points':\n/points: cannot convert to List:");
  }

  @Test
  void execute_methodThrows_failsWithTheCausesTypeAndMessage() {
    assertThat(run("explode", "{}").result())
        .isEqualTo(ToolResult.error("tool 'explode' failed: FileNotFoundException: config.yml"));
  }

  // --- bad declarations ----------------------------------------------------------------------

  static final class NoTools {
    public String nothing() {
      return "";
    }
  }

  static final class PrivateTool {
    @ToolMethod("hidden")
    String hidden() {
      return "";
    }
  }

  static final class UnsupportedType {
    @ToolMethod("takes a date")
    public String when(Date date) {
      return "";
    }
  }

  static final class RawList {
    @SuppressWarnings("rawtypes")
    @ToolMethod("takes a raw list")
    public String raw(List items) {
      return "";
    }
  }

  static final class OptionalPrimitive {
    @ToolMethod("takes an optional int")
    public String opt(@ToolParam(required = false) int n) {
      return "";
    }
  }

  static final class BlankDescription {
    @ToolMethod(" ")
    public String blank() {
      return "";
    }
  }

  static final class SameName {
    @ToolMethod(name = "same", value = "one")
    public String one() {
      return "";
    }

    @ToolMethod(name = "same", value = "two")
    public String two() {
      return "";
    }
  }

  record Node(String name, List<Node> children) {}

  static final class Recursive {
    @ToolMethod("takes a tree")
    public String tree(Node root) {
      return "";
    }
  }

  static final class IntegerKeys {
    @ToolMethod("takes a map")
    public String map(Map<Integer, String> byId) {
      return "";
    }
  }

  static final class DuplicateParameter {
    @ToolMethod("two a's")
    public String dup(@ToolParam(name = "a") String x, @ToolParam(name = "a") String y) {
      return "";
    }
  }

  static final class BadName {
    @ToolMethod(name = "bad name", value = "spaces")
    public String bad() {
      return "";
    }
  }

  @Test
  void fromAnnotated_badDeclarations_failWithClearMessages() {
    assertRejected(new NoTools(), "has no public method annotated with @ToolMethod");
    assertRejected(new PrivateTool(), "@ToolMethod PrivateTool.hidden must be public");
    assertRejected(
        new UnsupportedType(),
        "parameter 'date' of UnsupportedType.when has unsupported type java.util.Date");
    assertRejected(new RawList(), "declare its type arguments");
    assertRejected(new OptionalPrimitive(), "optional parameter 'n' cannot be primitive");
    assertRejected(new BlankDescription(), "needs a description");
    assertRejected(new SameName(), "declares two tools named 'same'");
    assertRejected(new Recursive(), "recursive records are not supported");
    assertRejected(new IntegerKeys(), "map keys must be String");
    assertRejected(new DuplicateParameter(), "has two parameters named 'a'");
    assertRejected(new BadName(), "tool name must be 1-64 characters");
    assertThatThrownBy(() -> Tools.fromAnnotated(null)).isInstanceOf(NullPointerException.class);
  }

  private static void assertRejected(Object instance, String message) {
    assertThatThrownBy(() -> Tools.fromAnnotated(instance))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
