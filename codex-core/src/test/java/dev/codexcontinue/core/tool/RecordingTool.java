package dev.codexcontinue.core.tool;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A fake tool that records every call it runs and answers with a function of the call. */
final class RecordingTool implements Tool {
  private final ToolSpec spec;
  private final ToolPermission permission;
  private final Function<ToolCall, ToolResult> answer;
  private final Function<ToolCall, String> describer;
  private final List<ToolCall> calls = new CopyOnWriteArrayList<>();

  private RecordingTool(
      ToolSpec spec,
      ToolPermission permission,
      Function<ToolCall, ToolResult> answer,
      Function<ToolCall, String> describer) {
    this.spec = spec;
    this.permission = permission;
    this.answer = answer;
    this.describer = describer;
  }

  /** A tool taking {@code {"path": string}} (required, nothing else) that answers "ok". */
  static RecordingTool withPath(String name, ToolPermission permission) {
    String schema =
        JsonSchema.object()
            .property("path", JsonSchema.string().description("a path"))
            .required("path")
            .toJson();
    return new RecordingTool(
        new ToolSpec(name, "test tool " + name, schema),
        permission,
        call -> ToolResult.of("ok"),
        ToolCall::arguments);
  }

  /** A tool without arguments that answers with {@code answer}. */
  static RecordingTool answering(String name, Function<ToolCall, ToolResult> answer) {
    return new RecordingTool(
        ToolSpec.withoutParameters(name, "test tool " + name),
        ToolPermission.ALLOW,
        answer,
        ToolCall::arguments);
  }

  /** A shell-like tool whose call description is the {@code cmd} argument. */
  static RecordingTool shell(ToolPermission permission) {
    String schema =
        JsonSchema.object().property("cmd", JsonSchema.string()).required("cmd").toJson();
    return new RecordingTool(
        new ToolSpec("shell", "runs a command", schema),
        permission,
        call -> ToolResult.of("ran"),
        call -> call.arguments().replaceAll("^\\{\"cmd\":\"(.*)\"}$", "$1"));
  }

  /** Returns a copy of this tool with another arguments schema. */
  RecordingTool withSchema(String schema) {
    return new RecordingTool(
        new ToolSpec(spec.name(), spec.description(), schema), permission, answer, describer);
  }

  /** Returns a copy of this tool that answers with {@code answer}. */
  RecordingTool withAnswer(Function<ToolCall, ToolResult> answer) {
    return new RecordingTool(spec, permission, answer, describer);
  }

  List<ToolCall> calls() {
    return calls;
  }

  int executions() {
    return calls.size();
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public ToolPermission defaultPermission() {
    return permission;
  }

  @Override
  public String describeCall(ToolCall call) {
    return describer.apply(call);
  }

  @Override
  public ToolResult execute(ToolCall call, ToolContext context) {
    calls.add(call);
    return answer.apply(call);
  }
}
