package dev.codexcontinue.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.test.ScriptedProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RELIABILITY 23: agent-loop budgets stop the loop with the reason recorded. */
final class AgentBudgetTest {
  private static Agent agent(ScriptedProvider model, AgentOptions options, TestTools.Recording t) {
    return Agent.builder().provider(model).options(options).addTool(t.tool).build();
  }

  @Test
  void sameCallForever_stopsWithRepeatedCallAfterNExecutions() {
    TestTools.Recording tool = TestTools.recording("lookup", "same answer");
    try (ScriptedProvider model =
            ScriptedProvider.builder().toolCall("lookup", "{\"q\":\"x\"}").repeatLast().build();
        Agent agent = agent(model, AgentOptions.builder().maxRepeatedCalls(3).build(), tool)) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "loop please"));
      assertThat(reply.stopReason()).isEqualTo(StopReason.REPEATED_CALL);
      assertThat(tool.calls).hasSize(3);
      assertThat(reply.toolExecutions()).hasSize(3);
      assertThat(reply.modelCalls()).isEqualTo(4);
    }
  }

  @Test
  void argumentKeyOrder_doesNotHideARepeat() {
    TestTools.Recording tool = TestTools.recording("lookup", "r");
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("lookup", "{\"q\":\"x\",\"z\":1}")
                .toolCall("lookup", "{ \"z\":1, \"q\":\"x\" }")
                .build();
        Agent agent =
            Agent.builder()
                .provider(model)
                .options(AgentOptions.builder().maxRepeatedCalls(1).build())
                .addTool(
                    dev.codexcontinue.core.tool.Tools.builder("lookup")
                        .description("d")
                        .parameters("{\"type\":\"object\"}")
                        .handler((a, c) -> "r")
                        .build())
                .build()) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "x"));
      assertThat(reply.stopReason()).isEqualTo(StopReason.REPEATED_CALL);
      assertThat(reply.toolExecutions()).hasSize(1);
    }
  }

  @Test
  void detectionOff_stopsAtMaxIterationsWithExactCounts() {
    TestTools.Recording tool = TestTools.recording("lookup", "again");
    AgentOptions options = AgentOptions.builder().maxRepeatedCalls(0).maxIterations(5).build();
    try (ScriptedProvider model =
            ScriptedProvider.builder().toolCall("lookup", "{\"q\":\"x\"}").repeatLast().build();
        Agent agent = agent(model, options, tool)) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "loop"));
      assertThat(reply.stopReason()).isEqualTo(StopReason.MAX_ITERATIONS);
      assertThat(reply.modelCalls()).isEqualTo(5);
      assertThat(tool.calls).hasSize(4);
    }
  }

  @Test
  void maxToolCalls_stopsBeforeExceeding() {
    TestTools.Recording tool = TestTools.recording("lookup", "r");
    AgentOptions options = AgentOptions.builder().maxRepeatedCalls(0).maxToolCalls(2).build();
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("lookup", "{\"q\":\"1\"}")
                .toolCall("lookup", "{\"q\":\"2\"}")
                .toolCall("lookup", "{\"q\":\"3\"}")
                .build();
        Agent agent = agent(model, options, tool)) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "go"));
      assertThat(reply.stopReason()).isEqualTo(StopReason.MAX_TOOL_CALLS);
      assertThat(tool.calls).hasSize(2);
    }
  }

  @Test
  @Timeout(10)
  void wallClock_stopsASlowModel() {
    TestTools.Recording tool = TestTools.recording("lookup", "r");
    AgentOptions options = AgentOptions.builder().maxWallClock(Duration.ofMillis(300)).build();
    try (ScriptedProvider model =
            ScriptedProvider.builder().delay(Duration.ofSeconds(30)).reply("too late").build();
        Agent agent = agent(model, options, tool)) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "hurry"));
      assertThat(reply.stopReason()).isEqualTo(StopReason.WALL_CLOCK);
      assertThat(reply.text()).isEmpty();
    }
  }

  @Test
  void tokenBudget_stopsAfterTheCallThatSpentIt() {
    TestTools.Recording tool = TestTools.recording("lookup", "r");
    AgentOptions options = AgentOptions.builder().maxTotalTokens(1).maxRepeatedCalls(0).build();
    try (ScriptedProvider model =
            ScriptedProvider.builder().toolCall("lookup", "{\"q\":\"x\"}").repeatLast().build();
        Agent agent = agent(model, options, tool)) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "spend"));
      assertThat(reply.stopReason()).isEqualTo(StopReason.TOKEN_BUDGET);
      assertThat(reply.modelCalls()).isEqualTo(1);
    }
  }

  @Test
  void stoppedLoop_leavesAWellFormedHistory() {
    TestTools.Recording tool = TestTools.recording("lookup", "r");
    try (ScriptedProvider model =
            ScriptedProvider.builder().toolCall("lookup", "{\"q\":\"x\"}").repeatLast().build();
        Agent agent = agent(model, AgentOptions.builder().maxRepeatedCalls(2).build(), tool)) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "loop"));
      var history = agent.history(reply.session());
      ChatMessage last = history.get(history.size() - 1);
      assertThat(last.role()).isEqualTo(Role.TOOL);
      assertThat(last.text()).contains("not executed").contains("REPEATED_CALL");
      long calls = history.stream().mapToLong(m -> m.toolCalls().size()).sum();
      long results = history.stream().filter(m -> m.role().equals(Role.TOOL)).count();
      assertThat(results).isEqualTo(calls);
    }
  }
}
