package dev.codexcontinue.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.ProviderUnavailableException;
import dev.codexcontinue.core.log.ConversationLog;
import dev.codexcontinue.core.log.ConversationLogReader;
import dev.codexcontinue.core.log.LogEntry;
import dev.codexcontinue.core.log.LogRecord;
import dev.codexcontinue.core.tool.ToolExecution;
import dev.codexcontinue.test.ScriptedProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent appends every turn to its conversation log; RELIABILITY 23's stop record is there. */
final class AgentConversationLogTest {
  @TempDir Path dir;

  @Test
  void turnWithATool_isLoggedRecordByRecord() {
    TestTools.Recording lookup = TestTools.recording("lookup", "found it");
    try (ConversationLog log = ConversationLog.builder(dir, "helper").open();
        ScriptedProvider model =
            ScriptedProvider.builder().toolCall("lookup", "{\"q\":\"a\"}").reply("done").build();
        Agent agent =
            Agent.builder().provider(model).addTool(lookup.tool).conversationLog(log).build()) {
      AgentReply reply =
          agent.chat(AgentRequest.builder("s1").userId("alice").text("find a").build());

      List<LogEntry> entries = ConversationLogReader.open(dir, "helper").replay(reply.session());
      assertThat(entries)
          .extracting(e -> e.record().getClass().getSimpleName())
          .containsExactly(
              "TurnStarted",
              "ModelResponded",
              "ToolExecuted",
              "ModelResponded",
              "TurnStopped",
              "TurnEnded");
      assertThat(entries)
          .allSatisfy(e -> assertThat(e.record().turnId()).isEqualTo(reply.turnId()));
      assertThat(((LogRecord.TurnStarted) entries.get(0).record()).message().text())
          .isEqualTo("find a");
      LogRecord.ToolExecuted tool = (LogRecord.ToolExecuted) entries.get(2).record();
      assertThat(tool.content()).isEqualTo("found it");
      assertThat(tool.outcome()).isEqualTo(ToolExecution.Outcome.EXECUTED);
      assertThat(((LogRecord.ModelResponded) entries.get(3).record()).message().text())
          .isEqualTo("done");
      assertThat(((LogRecord.TurnEnded) entries.get(5).record()).usage()).isEqualTo(reply.usage());
      assertThat(reply.timings()).containsKey(PipelineStep.STORE_MEMORY);
    }
  }

  @Test
  void repeatedCall_theLogHoldsTheStopRecord() {
    TestTools.Recording tool = TestTools.recording("lookup", "same");
    try (ConversationLog log = ConversationLog.builder(dir, "helper").open();
        ScriptedProvider model =
            ScriptedProvider.builder().toolCall("lookup", "{\"q\":\"x\"}").repeatLast().build();
        Agent agent =
            Agent.builder()
                .provider(model)
                .addTool(tool.tool)
                .options(AgentOptions.builder().maxRepeatedCalls(3).build())
                .conversationLog(log)
                .build()) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "loop"));

      assertThat(reply.stopReason()).isEqualTo(StopReason.REPEATED_CALL);
      List<LogEntry> entries = ConversationLogReader.open(dir, "helper").replay(reply.session());
      assertThat(entries.stream().map(LogEntry::record))
          .filteredOn(r -> r instanceof LogRecord.TurnStopped)
          .singleElement()
          .satisfies(
              r ->
                  assertThat(((LogRecord.TurnStopped) r).reason())
                      .isEqualTo(StopReason.REPEATED_CALL));
      assertThat(entries.stream().map(LogEntry::record))
          .filteredOn(r -> r instanceof LogRecord.ToolExecuted)
          .hasSize(3);
    }
  }

  @Test
  void failedTurn_logsNothing() {
    try (ConversationLog log = ConversationLog.builder(dir, "helper").open();
        ScriptedProvider model =
            ScriptedProvider.builder()
                .fail(new ProviderUnavailableException("down", ErrorDetails.of("s"), null))
                .build();
        Agent agent = Agent.builder().provider(model).conversationLog(log).build()) {
      assertThatThrownBy(() -> agent.chat(AgentRequest.of("s", "go")))
          .isInstanceOf(ProviderUnavailableException.class);
      assertThat(log.lastSeq()).isZero();
    }
  }
}
