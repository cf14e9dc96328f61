package dev.codexcontinue.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.exception.ToolArgumentException;
import dev.codexcontinue.api.exception.ToolException;
import dev.codexcontinue.core.tool.ToolExecution.Outcome;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Tools built from a name, a schema and a lambda. */
final class ToolsTest {
  private static final JsonSchema ADD_PARAMS =
      JsonSchema.object()
          .property("a", JsonSchema.integer())
          .property("b", JsonSchema.integer())
          .required("a", "b");

  private static Tool add() {
    return Tools.builder("add")
        .description("Adds two integers")
        .parameters(ADD_PARAMS)
        .handler((args, ctx) -> args.integer("a") + args.integer("b"))
        .build();
  }

  private static ToolResult run(Tool tool, String arguments) {
    return ToolExecutor.builder()
        .addTool(tool)
        .build()
        .execute(ToolCall.of("c", tool.spec().name(), arguments), ToolContext.none())
        .result();
  }

  @Test
  void build_makesASpecWithTheSchemaAndAllowByDefault() {
    Tool tool = add();

    assertThat(tool.spec().name()).isEqualTo("add");
    assertThat(tool.spec().description()).isEqualTo("Adds two integers");
    assertThat(tool.spec().parametersSchema()).isEqualTo(ADD_PARAMS.toJson());
    assertThat(tool.defaultPermission()).isEqualTo(ToolPermission.ALLOW);
    assertThat(tool.describeCall(ToolCall.of("c", "add", "{\"a\":1}"))).isEqualTo("{\"a\":1}");
  }

  @Test
  void execute_convertsArgumentsAndWritesTheValueAsJson() {
    assertThat(run(add(), "{\"a\":2,\"b\":3}")).isEqualTo(ToolResult.of("5"));
  }

  @Test
  void handlerResults_mapToToolResults() {
    assertThat(run(returning("text"), "{}")).isEqualTo(ToolResult.of("text"));
    assertThat(run(returning(new StringBuilder("sb")), "{}")).isEqualTo(ToolResult.of("sb"));
    assertThat(run(returning(ToolResult.of("as is")), "{}")).isEqualTo(ToolResult.of("as is"));
    assertThat(run(returning(null), "{}")).isEqualTo(ToolResult.of("null"));
    assertThat(run(returning(Optional.empty()), "{}")).isEqualTo(ToolResult.of("null"));
    assertThat(run(returning(Optional.of(List.of(1, 2))), "{}")).isEqualTo(ToolResult.of("[1,2]"));
    assertThat(run(returning(Map.of("k", true)), "{}")).isEqualTo(ToolResult.of("{\"k\":true}"));
  }

  @Test
  void handlerThrowingCheckedException_failsWithTypeAndMessage() {
    Tool tool =
        Tools.builder("reader")
            .description("reads")
            .handler(
                (args, ctx) -> {
                  throw new IOException("no such file");
                })
            .build();

    assertThat(run(tool, "{}"))
        .isEqualTo(ToolResult.error("tool 'reader' failed: IOException: no such file"));
    assertThatThrownBy(() -> tool.execute(ToolCall.of("c", "reader", "{}"), ToolContext.none()))
        .isInstanceOf(ToolException.class)
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void handlerRejectingAnArgument_listsTheViolationForTheModel() {
    Tool tool =
        Tools.builder("loose")
            .description("reads an undeclared argument")
            .parameters(JsonSchema.object().additionalProperties(true))
            .handler((args, ctx) -> args.integer("n"))
            .build();

    ToolExecution execution =
        ToolExecutor.builder()
            .addTool(tool)
            .build()
            .execute(ToolCall.of("c", "loose", "{\"n\":\"x\"}"), ToolContext.none());

    assertThat(execution.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(execution.result().content())
        .isEqualTo(
            "invalid arguments for tool 'loose':\n/n: expected integer, got string\n"
                + "Fix the arguments and call the tool again.");
  }

  @Test
  void execute_calledDirectly_stillValidates() {
    Tool tool = add();

    assertThatThrownBy(
            () ->
                tool.execute(ToolCall.of("c", "add", "{\"a\":\"1\",\"b\":2}"), ToolContext.none()))
        .isInstanceOfSatisfying(
            ToolArgumentException.class,
            e -> assertThat(e.violations()).containsExactly("/a: expected integer, got string"));
  }

  @Test
  void handler_receivesTheContext() {
    AtomicReference<ToolContext> seen = new AtomicReference<>();
    Tool tool =
        Tools.builder("who")
            .description("who calls")
            .permission(ToolPermission.ASK)
            .handler(
                (args, ctx) -> {
                  seen.set(ctx);
                  return ctx.userId().orElse("?");
                })
            .build();
    ToolContext context = ToolContext.builder().userId("ada").build();

    ToolResult result =
        ToolExecutor.builder()
            .addTool(tool)
            .approver(ToolApprover.ALLOW_ALL)
            .build()
            .execute(ToolCall.of("c", "who", "{}"), context)
            .result();

    assertThat(tool.defaultPermission()).isEqualTo(ToolPermission.ASK);
    assertThat(result).isEqualTo(ToolResult.of("ada"));
    assertThat(seen.get()).isSameAs(context);
  }

  @Test
  void parametersAsJsonText_areCheckedAtBuild() {
    Tool tool =
        Tools.builder("echo")
            .description("echoes")
            .parameters("{\"type\":\"object\",\"properties\":{\"s\":{\"type\":\"string\"}}}")
            .handler((args, ctx) -> args.string("s"))
            .build();

    assertThat(run(tool, "{\"s\":\"hi\"}")).isEqualTo(ToolResult.of("hi"));
    assertThatThrownBy(
            () ->
                Tools.builder("bad")
                    .description("d")
                    .parameters("{\"type\":\"object\",\"properties\":{\"s\":{\"type\":\"text\"}}}")
                    .handler((args, ctx) -> "")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tool 'bad'")
        .hasMessageContaining("unknown type 'text'");
  }

  @Test
  void builder_missingPartsAndBadNames_throw() {
    assertThatThrownBy(() -> Tools.builder("x").handler((a, c) -> "").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("description");
    assertThatThrownBy(() -> Tools.builder("x").description("d").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("handler");
    assertThatThrownBy(() -> Tools.builder("has space"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tools.builder(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Tools.builder("x").handler(null))
        .isInstanceOf(NullPointerException.class);
  }

  private static Tool returning(Object value) {
    return Tools.builder("value").description("returns a value").handler((a, c) -> value).build();
  }
}
