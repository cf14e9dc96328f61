package dev.codexcontinue.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.tool.ToolExecution;
import dev.codexcontinue.test.ScriptedProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every turn reports its seven steps in order, and its tool calls, to listeners. */
final class AgentListenerTest {
  @Test
  void turn_emitsSevenStepsInOrderAndEachToolCall() {
    List<StepEvent> steps = new CopyOnWriteArrayList<>();
    List<ToolExecution> tools = new CopyOnWriteArrayList<>();
    TestTools.Recording lookup = TestTools.recording("lookup", "found");
    try (ScriptedProvider model =
            ScriptedProvider.builder().toolCall("lookup", "{\"q\":\"a\"}").reply("done").build();
        Agent agent =
            Agent.builder()
                .provider(model)
                .addTool(lookup.tool)
                .addListener(
                    new AgentListener() {
                      @Override
                      public void onStep(StepEvent event) {
                        steps.add(event);
                      }

                      @Override
                      public void onToolExecution(String turnId, SessionKey s, ToolExecution e) {
                        tools.add(e);
                      }
                    })
                .addListener(
                    new AgentListener() {
                      @Override
                      public void onStep(StepEvent event) {
                        throw new IllegalStateException("a broken listener must not break turns");
                      }
                    })
                .build()) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "find a"));
      assertThat(steps).extracting(StepEvent::step).containsExactly(PipelineStep.values());
      assertThat(steps).extracting(StepEvent::turnId).containsOnly(reply.turnId());
      assertThat(steps).allSatisfy(e -> assertThat(e.duration().isNegative()).isFalse());
      assertThat(tools)
          .singleElement()
          .satisfies(e -> assertThat(e.result().content()).isEqualTo("found"));
      assertThat(reply.timings()).containsKeys(PipelineStep.RECEIVE, PipelineStep.CALL_LLM);
    }
  }

  @Test
  void options_fromSettings_readAgentKeys() {
    AgentOptions o =
        AgentOptions.fromSettings(
            dev.codexcontinue.api.Settings.builder()
                .put("agent.max-iterations", "7")
                .put("agent.max-wall-clock", "30s")
                .put("agent.system-prompt", "code-reviewer")
                .environment(java.util.Map.of("CODEX_AGENT_MAX_TOOL_CALLS", "9"))
                .build());
    assertThat(o.maxIterations()).isEqualTo(7);
    assertThat(o.maxToolCalls()).isEqualTo(9);
    assertThat(o.maxWallClock()).hasSeconds(30);
    assertThat(o.systemPrompt()).isEqualTo("code-reviewer");
    assertThat(o.maxRepeatedCalls()).isEqualTo(AgentOptions.defaults().maxRepeatedCalls());
  }
}
