package dev.codexcontinue.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.StopReason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class QuickstartExampleTest {
  @Test
  void run_usesMemoryAndToolAndPrintsEveryStep() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AgentReply reply = QuickstartExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(reply.text()).isEqualTo("The release is 21 days from 2026-11-24 to 2026-12-15.");
    assertThat(reply.memories()).isNotEmpty();
    assertThat(reply.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(out)
        .contains("RECEIVE", "RETRIEVE_MEMORY", "MATCH_TOOLS", "CONSTRUCT_PROMPT", "CALL_LLM")
        .contains("STORE_MEMORY", "RETURN", "tool days_until -> 21 days");
  }

  @Test
  void teamFact_annotatedToolAnswers() {
    TeamTools tools = new TeamTools(java.time.Clock.systemUTC());
    assertThat(tools.teamFact("CI")).contains("./mvnw");
    assertThat(tools.all())
        .extracting(t -> t.spec().name())
        .containsExactly("days_until", "team_fact");
  }
}
