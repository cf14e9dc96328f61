package dev.codexcontinue.examples.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.tool.ToolExecution;
import dev.codexcontinue.core.tool.ToolExecution.Outcome;
import dev.codexcontinue.examples.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
final class ToolsExampleTest {
  @Test
  void run_offline_allowsAsksAndDeniesAndFeedsEveryOutcomeBackToTheModel() {
    Output out = new Output();
    AgentReply reply = ToolsExample.run(Settings.empty(), out.stream());

    assertThat(reply.toolExecutions())
        .extracting(ToolExecution::outcome)
        .containsExactly(
            Outcome.EXECUTED, Outcome.EXECUTED, Outcome.DENIED_BY_USER, Outcome.DENIED_BY_POLICY);
    assertThat(reply.toolExecutions().get(1).result().content())
        .isEqualTo("restarted billing on staging, requested by ada");
    // The approver saw the two calls the policy asks about, never the denied production call.
    assertThat(out.text())
        .contains(
            "approver: restart_service {\"service\":\"billing\",\"environment\":\"staging\"} -> approved")
        .contains(
            "approver: restart_service {\"service\":\"billing\",\"environment\":\"qa\"} -> refused")
        .doesNotContain("\"production\"} -> approved")
        .doesNotContain("\"production\"} -> refused");
    // The model's answer is built from the four tool messages it received.
    assertThat(reply.text())
        .startsWith("I used 4 tool results.")
        .contains("service_status: degraded: p99 latency 2.3 s")
        .contains("restart_service: restarted billing on staging");
    assertThat(out.text()).contains("assistant: " + reply.text());
  }
}
