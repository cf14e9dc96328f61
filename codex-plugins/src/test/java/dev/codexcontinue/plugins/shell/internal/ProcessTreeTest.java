package dev.codexcontinue.plugins.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class ProcessTreeTest {
  @Test
  void contains_wholeEntryOnly() {
    byte[] environ = "A=1\0CODEX_SHELL_RUN=abc\0B=2".getBytes(StandardCharsets.UTF_8);
    assertThat(ProcessTree.contains(environ, bytes("CODEX_SHELL_RUN=abc"))).isTrue();
    assertThat(ProcessTree.contains(environ, bytes("CODEX_SHELL_RUN=ab"))).isFalse();
    assertThat(ProcessTree.contains(environ, bytes("B=2"))).isTrue();
    assertThat(ProcessTree.contains(new byte[0], bytes("B=2"))).isFalse();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
