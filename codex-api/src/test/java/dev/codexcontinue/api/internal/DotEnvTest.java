package dev.codexcontinue.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.ConfigurationException;
import org.junit.jupiter.api.Test;

final class DotEnvTest {
  @Test
  void parse_everyForm_readsValues() {
    String text =
        "# comment\n"
            + "\n"
            + "PLAIN=value\n"
            + "export EXPORTED=yes\r\n"
            + "SPACED = padded  \n"
            + "INLINE=kept # dropped\n"
            + "SINGLE='lit\\n #not comment'\n"
            + "DOUBLE=\"a\\nb \\\"q\\\"\"\n"
            + "EMPTY=\n";
    assertThat(DotEnv.parse(text, "t"))
        .containsEntry("PLAIN", "value")
        .containsEntry("EXPORTED", "yes")
        .containsEntry("SPACED", "padded")
        .containsEntry("INLINE", "kept")
        .containsEntry("SINGLE", "lit\\n #not comment")
        .containsEntry("DOUBLE", "a\nb \"q\"")
        .containsEntry("EMPTY", "");
  }

  @Test
  void parse_malformedLine_namesLineButNotContent() {
    assertThatThrownBy(() -> DotEnv.parse("OK=1\nsk-secret-no-equals\n", "f"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("line 2")
        .hasMessageNotContaining("sk-secret");
  }

  @Test
  void parse_unclosedQuote_throws() {
    assertThatThrownBy(() -> DotEnv.parse("A=\"open\n", "f"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("unclosed quote");
  }
}
