package dev.codexcontinue.plugins.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolPermission;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the shell tool rates and shows calls, and how its builder checks its input. */
final class ShellPermissionTest {
  @TempDir Path workspace;

  private ShellTool tool() {
    return ShellTool.builder().workspace(workspace).sandbox(SandboxMode.OFF).allow("touch").build();
  }

  private static ToolCall call(String arguments) {
    return ToolCall.of("c", "shell", arguments);
  }

  @Test
  void permissionFor_readOnlyCommand_isAllow() {
    assertThat(tool().permissionFor(call("{\"command\":[\"git\",\"status\",\"--short\"]}")))
        .isEqualTo(ToolPermission.ALLOW);
  }

  @Test
  void permissionFor_allowedSideEffect_isAsk() {
    assertThat(tool().permissionFor(call("{\"command\":[\"touch\",\"x\"]}")))
        .isEqualTo(ToolPermission.ASK);
    assertThat(tool().defaultPermission()).isEqualTo(ToolPermission.ASK);
  }

  @Test
  void permissionFor_refusedOrMalformedCommand_isDeny() {
    assertThat(tool().permissionFor(call("{\"command\":[\"rm\",\"-rf\",\"/\"]}")))
        .isEqualTo(ToolPermission.DENY);
    assertThat(tool().permissionFor(call("{\"command\":[\"find\",\".\",\"-delete\"]}")))
        .isEqualTo(ToolPermission.DENY);
    assertThat(tool().permissionFor(call("{\"command\":5}"))).isEqualTo(ToolPermission.DENY);
  }

  @Test
  void describeCall_showsTheExactArgvQuoted() {
    assertThat(tool().describeCall(call("{\"command\":[\"git\",\"status\",\"--short\"]}")))
        .isEqualTo("git status --short");
    assertThat(tool().describeCall(call("{\"command\":[\"echo\",\"; rm -rf /\"]}")))
        .isEqualTo("echo '; rm -rf /'");
    assertThat(tool().describeCall(call("oops"))).isEqualTo("oops");
  }

  @Test
  void spec_advertisesTheAllowlistAndTheSchema() {
    ShellTool tool = tool();
    assertThat(tool.spec().name()).isEqualTo("shell");
    assertThat(tool.spec().description()).contains("touch").contains("git").contains("no shell");
    assertThat(tool.spec().parametersSchema())
        .contains("\"command\"")
        .contains("\"additionalProperties\":false");
    assertThat(tool.sandbox()).isEqualTo(Sandbox.NONE);
    assertThat(tool.toString()).contains("touch");
  }

  @Test
  void builder_checksItsInput() {
    assertThatThrownBy(() -> ShellTool.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("workspace");
    assertThatThrownBy(() -> ShellTool.builder().workspace(workspace.resolve("missing")).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShellTool.builder().timeout(Duration.ofMinutes(11)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShellTool.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShellTool.builder().maxOutputBytes(10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShellTool.builder().allow("/bin/rm"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShellTool.builder().workspace(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ShellTool.builder().sandbox(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ShellTool.builder().allow((List<String>) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> tool().run(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void sandboxMode_parse_acceptsTheThreeNamesOnly() {
    assertThat(SandboxMode.parse(" Required ")).isEqualTo(SandboxMode.REQUIRED);
    assertThat(SandboxMode.parse("off")).isEqualTo(SandboxMode.OFF);
    assertThatThrownBy(() -> SandboxMode.parse("on")).isInstanceOf(IllegalArgumentException.class);
  }
}
