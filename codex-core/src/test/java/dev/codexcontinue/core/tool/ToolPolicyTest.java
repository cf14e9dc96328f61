package dev.codexcontinue.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolPermission;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RELIABILITY 16: deny, then ask, then allow; default-deny; advertising. */
final class ToolPolicyTest {
  private static final RecordingTool SHELL = RecordingTool.shell(ToolPermission.ASK);

  private static ToolCall shell(String command) {
    return ToolCall.of("c1", "shell", "{\"cmd\":\"" + command + "\"}");
  }

  private static final ToolPolicy SHELL_POLICY =
      ToolPolicy.builder()
          .allow("shell(*)")
          .ask("shell(git push*)")
          .deny("shell(rm *)")
          .deny("shell(*sudo *)")
          .build();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ls -la, ALLOW",
    "rm -rf /, DENY",
    "rm x, DENY",
    "echo hi && sudo reboot, DENY",
    "git push origin main, ASK",
    "git pull, ALLOW",
    "'', ALLOW",
  })
  void decide_shellMatrix_denyBeatsAskBeatsAllow(String command, ToolPermission expected) {
    assertThat(SHELL_POLICY.decide(SHELL, shell(command))).isEqualTo(expected);
  }

  @Test
  void decide_denyRuleAddedAfterAllow_stillWins() {
    ToolPolicy policy = ToolPolicy.builder().allow("shell(*)").deny("shell(rm *)").build();
    ToolPolicy reversed = ToolPolicy.builder().deny("shell(rm *)").allow("shell(*)").build();

    assertThat(policy.decide(SHELL, shell("rm *"))).isEqualTo(ToolPermission.DENY);
    assertThat(reversed.decide(SHELL, shell("rm -rf /"))).isEqualTo(ToolPermission.DENY);
    assertThat(policy.decide(SHELL, shell("ls"))).isEqualTo(ToolPermission.ALLOW);
  }

  @Test
  void decide_askAndAllowBothMatch_askWins() {
    ToolPolicy policy = ToolPolicy.builder().allow("shell").ask("shell(*)").build();

    assertThat(policy.decide(SHELL, shell("ls"))).isEqualTo(ToolPermission.ASK);
  }

  @Test
  void decide_noRuleMatches_defaultsUseToolPermissionAndDenyByDefaultDenies() {
    RecordingTool reader = RecordingTool.withPath("read_file", ToolPermission.ALLOW);
    RecordingTool writer = RecordingTool.withPath("write_file", ToolPermission.ASK);
    RecordingTool forbidden = RecordingTool.withPath("format_disk", ToolPermission.DENY);
    ToolCall call = ToolCall.of("c", "read_file", "{\"path\":\"a\"}");

    assertThat(ToolPolicy.defaults().decide(reader, call)).isEqualTo(ToolPermission.ALLOW);
    assertThat(ToolPolicy.defaults().decide(writer, call)).isEqualTo(ToolPermission.ASK);
    assertThat(ToolPolicy.defaults().decide(forbidden, call)).isEqualTo(ToolPermission.DENY);
    assertThat(ToolPolicy.denyByDefault().decide(reader, call)).isEqualTo(ToolPermission.DENY);
    assertThat(ToolPolicy.denyByDefault().decide(writer, call)).isEqualTo(ToolPermission.DENY);
  }

  @Test
  void decide_denyByDefaultWithAllowRule_allowsOnlyTheMatchingCalls() {
    ToolPolicy policy = ToolPolicy.builder().allow("shell(git status*)").denyByDefault().build();

    assertThat(policy.decide(SHELL, shell("git status --short"))).isEqualTo(ToolPermission.ALLOW);
    assertThat(policy.decide(SHELL, shell("git push"))).isEqualTo(ToolPermission.DENY);
  }

  @Test
  void decide_nameGlobs_matchToolFamilies() {
    ToolPolicy policy = ToolPolicy.builder().deny("github_*").allow("*").build();
    RecordingTool github = RecordingTool.withPath("github_create_issue", ToolPermission.ASK);
    RecordingTool docs = RecordingTool.withPath("docs_read", ToolPermission.ASK);
    ToolCall call = ToolCall.of("c", "x", "{\"path\":\"a\"}");

    assertThat(policy.decide(github, call)).isEqualTo(ToolPermission.DENY);
    assertThat(policy.decide(docs, call)).isEqualTo(ToolPermission.ALLOW);
  }

  @Test
  void decide_argumentGlobMatchesSpacesAndSlashes() {
    ToolPolicy policy = ToolPolicy.builder().deny("shell(cat /etc/*)").build();

    assertThat(policy.decide(SHELL, shell("cat /etc/ssh/sshd_config")))
        .isEqualTo(ToolPermission.DENY);
    assertThat(policy.decide(SHELL, shell("cat ./etc/x"))).isEqualTo(ToolPermission.ASK);
  }

  @Test
  void decide_rulesWithoutArgumentGlob_neverAskForTheDescription() {
    AtomicInteger described = new AtomicInteger();
    RecordingTool tool = RecordingTool.answering("t", call -> null);
    ToolPolicy policy = ToolPolicy.builder().allow("t").build();

    ToolPermission permission =
        policy.decide(
            "t",
            () -> ToolPermission.ASK,
            () -> {
              described.incrementAndGet();
              return "";
            });

    assertThat(permission).isEqualTo(ToolPermission.ALLOW);
    assertThat(described).hasValue(0);
    assertThat(policy.isAdvertised(tool)).isTrue();
  }

  @Test
  void isAdvertised_denyCoveringEveryCall_hidesTheTool() {
    RecordingTool reader = RecordingTool.withPath("read_file", ToolPermission.ALLOW);

    assertThat(ToolPolicy.builder().deny("read_file").build().isAdvertised(reader)).isFalse();
    assertThat(ToolPolicy.builder().deny("read_*").allow("*").build().isAdvertised(reader))
        .isFalse();
    assertThat(ToolPolicy.builder().deny("read_file(*)").build().isAdvertised(reader)).isFalse();
  }

  @Test
  void isAdvertised_denyOfSomeCalls_keepsTheToolVisible() {
    ToolPolicy policy = ToolPolicy.builder().deny("shell(rm *)").build();

    assertThat(policy.isAdvertised(SHELL)).isTrue();
  }

  @Test
  void isAdvertised_followsFallbackWhenNoRuleNamesTheTool() {
    RecordingTool reader = RecordingTool.withPath("read_file", ToolPermission.ALLOW);
    RecordingTool forbidden = RecordingTool.withPath("format_disk", ToolPermission.DENY);

    assertThat(ToolPolicy.defaults().isAdvertised(reader)).isTrue();
    assertThat(ToolPolicy.defaults().isAdvertised(forbidden)).isFalse();
    assertThat(ToolPolicy.denyByDefault().isAdvertised(reader)).isFalse();
    assertThat(ToolPolicy.builder().ask("read_file").denyByDefault().build().isAdvertised(reader))
        .isTrue();
    assertThat(ToolPolicy.builder().allow("shell(ls*)").denyByDefault().build().isAdvertised(SHELL))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "shell(", "shell(x", "she ll", "sh$ell", "(x)", "a(b)c"})
  void builder_malformedPattern_throwsIllegalArgumentException(String pattern) {
    assertThatThrownBy(() -> ToolPolicy.builder().allow(pattern))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builder_nullPattern_throwsNullPointerException() {
    assertThatThrownBy(() -> ToolPolicy.builder().deny(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("pattern");
  }

  @Test
  void decide_nullArguments_throwNullPointerException() {
    assertThatThrownBy(() -> ToolPolicy.defaults().decide(null, shell("ls")))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ToolPolicy.defaults().decide(SHELL, null))
        .isInstanceOf(NullPointerException.class);
  }
}
