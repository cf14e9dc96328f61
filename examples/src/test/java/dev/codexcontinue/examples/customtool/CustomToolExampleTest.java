package dev.codexcontinue.examples.customtool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.discovery.ToolPlugins;
import dev.codexcontinue.core.tool.ToolExecution.Outcome;
import dev.codexcontinue.examples.Output;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
final class CustomToolExampleTest {
  @Test
  void run_offline_discoversThePluginAndTheResultReachesTheModel() {
    Output out = new Output();
    AgentReply reply = CustomToolExample.run(Settings.empty(), out.stream());

    assertThat(reply.toolExecutions())
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.EXECUTED));
    assertThat(reply.text())
        .isEqualTo("From the tracker: OPS-42 " + TicketToolFactory.TRACKER.get("OPS-42"));
    assertThat(out.text())
        .containsPattern("tool plugins on the class path: \\[.*tickets.*]")
        .contains("plugin 'tickets' gave: [ticket_lookup]")
        .contains("  tool ticket_lookup {\"id\":\"OPS-42\"} -> EXECUTED: OPS-42 [open] Billing p99")
        .contains("assistant: " + reply.text());
  }

  @Test
  void create_projectSetting_confinesLookupsToThatProject() {
    Settings web = Settings.builder().put("tickets.project", "WEB").build();
    List<Tool> tools = ToolPlugins.create(TicketToolFactory.ID, web);
    Tool lookup = tools.get(0);

    ToolResult other = lookup.execute(call("OPS-42"), ToolContext.none());
    ToolResult own = lookup.execute(call("WEB-7"), ToolContext.none());

    assertThat(other).isEqualTo(ToolResult.error("ticket OPS-42 is not in project WEB"));
    assertThat(own.isError()).isFalse();
    assertThat(own.content()).startsWith("WEB-7 [open] Dark mode");
    assertThat(lookup.describeCall(call("WEB-7"))).isEqualTo("WEB-7");
  }

  private static ToolCall call(String id) {
    return ToolCall.of("c1", TicketLookupTool.NAME, "{\"id\":\"" + id + "\"}");
  }
}
