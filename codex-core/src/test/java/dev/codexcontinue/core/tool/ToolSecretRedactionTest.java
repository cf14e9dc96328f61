package dev.codexcontinue.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RELIABILITY 25: registered secrets never reach the model through tool results. */
final class ToolSecretRedactionTest {
  private static final String TOKEN = "ghp_TEST_SECRET_TOKEN_123";

  private static ToolExecutor printing(String output) {
    return ToolExecutor.builder()
        .addTool(
            Tools.builder("cat")
                .description("prints a file")
                .parameters("{\"type\":\"object\"}")
                .handler((a, c) -> output)
                .build())
        .redactSecrets(List.of(TOKEN, "short"))
        .build();
  }

  @Test
  void execute_outputContainsASecret_isMasked() {
    String out =
        printing("token=" + TOKEN + "\nagain " + TOKEN)
            .execute(ToolCall.of("c", "cat", "{}"), ToolContext.none())
            .result()
            .content();
    assertThat(out).doesNotContain(TOKEN).isEqualTo("token=****\nagain ****");
  }

  @Test
  void execute_secretSplitByAnEscape_isStillMasked() {
    String split = TOKEN.substring(0, 6) + "\u0007" + TOKEN.substring(6);
    String out =
        printing(split)
            .execute(ToolCall.of("c", "cat", "{}"), ToolContext.none())
            .result()
            .content();
    assertThat(out).doesNotContain(TOKEN).contains("****");
  }

  @Test
  void execute_shortValues_areNotMasked() {
    String out =
        printing("a short word")
            .execute(ToolCall.of("c", "cat", "{}"), ToolContext.none())
            .result()
            .content();
    assertThat(out).isEqualTo("a short word");
  }
}
