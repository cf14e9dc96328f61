package dev.codexcontinue.plugins.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RELIABILITY 17 and 25: the environment of a command holds no credential. */
final class EnvironmentScrubberTest {
  @Test
  void scrub_secretNamesAnyCase_areDropped() {
    Map<String, String> env =
        EnvironmentScrubber.scrub(
            Map.of(
                "OPENAI_API_KEY", "a",
                "github_token", "b",
                "Db_Password", "c",
                "AWS_SECRET_ACCESS_KEY", "d",
                "MY_PASSWD", "e",
                "GOOGLE_APPLICATION_CREDENTIALS", "f",
                "PATH", "/usr/bin",
                "HOME", "/home/u"),
            List.of());
    assertThat(env).containsEntry("PATH", "/usr/bin").containsEntry("HOME", "/home/u");
    assertThat(env.keySet()).noneMatch(EnvironmentScrubber::isSecretName);
  }

  @Test
  void scrub_valueHoldingARegisteredSecret_isDropped() {
    Map<String, String> env =
        EnvironmentScrubber.scrub(
            Map.of("GH_AUTH", "Bearer ghp_TEST_123456", "LANG", "C.UTF-8"),
            List.of("ghp_TEST_123456"));
    assertThat(env).doesNotContainKey("GH_AUTH").containsEntry("LANG", "C.UTF-8");
  }

  @Test
  void scrub_gitProgramVariables_areReplacedBySafeSettings() {
    Map<String, String> env =
        EnvironmentScrubber.scrub(
            Map.of(
                "GIT_EXTERNAL_DIFF", "/tmp/evil",
                "GIT_SSH_COMMAND", "evil",
                "GIT_CONFIG_COUNT", "1",
                "GIT_CONFIG_KEY_0", "core.pager",
                "GIT_CONFIG_VALUE_0", "evil"),
            List.of());
    assertThat(env)
        .doesNotContainKeys("GIT_EXTERNAL_DIFF", "GIT_SSH_COMMAND")
        .doesNotContainKeys("GIT_CONFIG_COUNT", "GIT_CONFIG_KEY_0", "GIT_CONFIG_VALUE_0")
        .containsEntry("GIT_CONFIG_PARAMETERS", "'core.fsmonitor=false' 'core.pager=cat'")
        .containsEntry("GIT_PAGER", "cat")
        .containsEntry("GIT_TERMINAL_PROMPT", "0");
  }
}
