package dev.codexcontinue.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MetadataFilter;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.PipelineStep;
import dev.codexcontinue.core.StopReason;
import dev.codexcontinue.core.prompt.PromptLibrary;
import dev.codexcontinue.core.tool.Tools;
import dev.codexcontinue.test.ScriptedProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each pipeline step on its own, with what it reads and what it leaves for the next. */
final class PipelineStepsTest {
  private final Turns turns = new Turns();

  private void remember(String id, String user, String text) {
    turns.store.add(
        MemoryRecord.builder(id, text)
            .vector(Turns.EMBEDDINGS.embed(text))
            .metadata(MemoryRecord.USER, user)
            .build());
  }

  @Test
  void receive_takesTheSessionLockAndRejectsOversizedMessages() {
    turns.options = AgentOptions.builder().promptTokenBudget(256).build();
    TurnContext turn = turns.turn(AgentRequest.of("s", "short"));
    assertThat(new ReceiveStep().run(turn)).startsWith("tokens=");
    assertThat(turn.lock).isNotNull();
    turn.lock.close();
    TurnContext huge = turns.turn(AgentRequest.of("s", "word ".repeat(2000)));
    assertThatThrownBy(() -> new ReceiveStep().run(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prompt budget");
  }

  @Test
  void retrieveMemory_findsRelevantMemoriesOfThisUserOnly() {
    remember("m1", "default", "The build uses Maven with a wrapper pinned to 3.9.16");
    remember("m2", "other-user", "The build uses Maven with a wrapper pinned to 3.9.16");
    remember("m3", "default", "Lunch is at noon on Fridays");
    TurnContext turn = turns.turn(AgentRequest.of("s", "Which Maven version does the build use?"));
    new RetrieveMemoryStep().run(turn);
    assertThat(turn.memories).isNotEmpty();
    assertThat(turn.memories.get(0).record().id()).isEqualTo("m1");
    assertThat(turn.memories).noneMatch(m -> m.record().id().equals("m2"));
  }

  @Test
  void retrieveMemory_withoutStore_readsOnlyHistory() {
    turns.withStore = false;
    TurnContext turn = turns.turn(AgentRequest.of("s", "hi"));
    assertThat(new RetrieveMemoryStep().run(turn)).isEqualTo("history=0 memories=0");
  }

  @Test
  void matchTools_manyTools_offersTheMostRelevant() {
    List<Tool> tools = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tools.add(tool("noise_" + i, "Unrelated helper number " + i + " for spreadsheets"));
    }
    tools.add(tool("read_file", "Read the contents of a file from the workspace"));
    turns.tools = tools;
    turns.options = AgentOptions.builder().toolRetrieval(16, 3).build();
    TurnContext turn = turns.turn(AgentRequest.of("s", "please read the file contents of README"));
    assertThat(new MatchToolsStep().run(turn)).isEqualTo("tools=3 of 21");
    assertThat(turn.toolSpecs).extracting(ToolSpec::name).contains("read_file");
  }

  @Test
  void constructPrompt_systemFirstMemoriesInTheUserTurnHistoryInBetween() {
    turns.sessions.append(
        AgentRequest.of("s", "x").session(),
        List.of(ChatMessage.user("earlier question"), ChatMessage.assistant("earlier answer")));
    remember("m1", "default", "The team prefers tabs over spaces");
    TurnContext turn = turns.turn(AgentRequest.of("s", "Should I use tabs or spaces?"));
    new RetrieveMemoryStep().run(turn);
    new ConstructPromptStep().run(turn);
    List<ChatMessage> prompt = turn.prompt;
    assertThat(prompt.get(0).role()).isEqualTo(Role.SYSTEM);
    assertThat(prompt.get(0).text()).contains("2026-11-24").doesNotContain("tabs over spaces");
    assertThat(prompt.get(1).text()).isEqualTo("earlier question");
    ChatMessage user = prompt.get(prompt.size() - 1);
    assertThat(user.role()).isEqualTo(Role.USER);
    assertThat(user.text()).contains("tabs over spaces").endsWith("Should I use tabs or spaces?");
  }

  @Test
  void constructPrompt_smallBudget_dropsOldHistoryFirst() {
    var key = AgentRequest.of("s", "x").session();
    for (int i = 0; i < 50; i++) {
      turns.sessions.append(
          key,
          List.of(
              ChatMessage.user("question " + i + " " + "pad ".repeat(20)),
              ChatMessage.assistant("answer " + i)));
    }
    turns.options = AgentOptions.builder().promptTokenBudget(1000).build();
    turns.prompts =
        PromptLibrary.builder().put(PromptLibrary.CODING_ASSISTANT, "Be brief.").build();
    TurnContext turn = turns.turn(AgentRequest.of("s", "latest"));
    new ConstructPromptStep().run(turn);
    assertThat(turn.prompt.size()).isLessThan(102);
    assertThat(turn.prompt.get(turn.prompt.size() - 2).text()).isEqualTo("answer 49");
    assertThat(turn.prompt.get(1).role()).isEqualTo(Role.USER);
  }

  @Test
  void callModel_answersWithoutTools_completes() {
    turns.provider = ScriptedProvider.builder().reply("plain answer").build();
    TurnContext turn = turns.turn(AgentRequest.of("s", "hi"));
    new ConstructPromptStep().run(turn);
    new CallModelStep(new BlockingInvoker()).run(turn);
    assertThat(turn.stopReason).isEqualTo(StopReason.COMPLETED);
    assertThat(turn.turnMessages).containsExactly(ChatMessage.assistant("plain answer"));
    assertThat(turn.usage.totalTokens()).isPositive();
  }

  @Test
  void storeMemory_appendsTheTurnAndIndexesItForTheUser() {
    TurnContext turn = turns.turn(AgentRequest.of("s", "Remember that deploys happen on Tuesdays"));
    turn.turnMessages.add(ChatMessage.assistant("Noted: deploys happen on Tuesdays."));
    turn.lastAssistant = turn.turnMessages.get(0);
    assertThat(new StoreMemoryStep().run(turn)).isEqualTo("appended=2 remembered=2 logged=0");
    assertThat(turns.sessions.messages(turn.session())).hasSize(2);
    var hits =
        turns.store.search(
            MemoryQuery.byVector(Turns.EMBEDDINGS.embed("when are deploys"))
                .filter(MetadataFilter.eq(MemoryRecord.USER, "default"))
                .build());
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).record().metadata()).containsEntry(MemoryRecord.SOURCE, "conversation");
  }

  @Test
  void return_buildsTheReplyFromTheTurn() {
    TurnContext turn = turns.turn(AgentRequest.of("s", "hi"));
    turn.lastAssistant = ChatMessage.assistant("bye");
    turn.timings.put(PipelineStep.RECEIVE, java.time.Duration.ofMillis(3));
    new ReturnStep().run(turn);
    assertThat(turn.reply.text()).isEqualTo("bye");
    assertThat(turn.reply.timings()).containsKey(PipelineStep.RECEIVE);
    assertThat(turn.reply.turnId()).isEqualTo("turn-1");
  }

  private static Tool tool(String name, String description) {
    return Tools.builder(name)
        .description(description)
        .parameters("{\"type\":\"object\"}")
        .handler((a, c) -> "ok")
        .build();
  }
}
