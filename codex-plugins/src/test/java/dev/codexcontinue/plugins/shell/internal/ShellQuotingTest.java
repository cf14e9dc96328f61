package dev.codexcontinue.plugins.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ShellQuotingTest {
  @Test
  void join_plainArguments_areShownAsTyped() {
    assertThat(ShellQuoting.join(List.of("git", "status", "--short")))
        .isEqualTo("git status --short");
  }

  @Test
  void join_argumentsWithShellCharacters_areSingleQuoted() {
    assertThat(ShellQuoting.join(List.of("echo", "; touch x", "it's", "")))
        .isEqualTo("echo '; touch x' 'it'\\''s' ''");
  }
}
