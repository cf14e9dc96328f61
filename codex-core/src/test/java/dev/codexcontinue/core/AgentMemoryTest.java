package dev.codexcontinue.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import dev.codexcontinue.core.memory.InMemoryMemoryStore;
import dev.codexcontinue.test.ScriptedProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Session and long-term memory across turns, users and threads. */
final class AgentMemoryTest {
  private static ScriptedProvider echo() {
    return ScriptedProvider.builder()
        .respond(
            r ->
                ChatResponse.builder()
                    .message(
                        ChatMessage.assistant(
                            "re: " + r.messages().get(r.messages().size() - 1).text()))
                    .build())
        .repeatLast()
        .build();
  }

  @Test
  void secondTurn_seesTheFirstInHistory() {
    try (ScriptedProvider model = echo();
        Agent agent = Agent.builder().provider(model).build()) {
      agent.chat(AgentRequest.of("s1", "my name is Ada"));
      agent.chat(AgentRequest.of("s1", "what is my name?"));
      List<String> texts = model.lastRequest().messages().stream().map(ChatMessage::text).toList();
      assertThat(texts).contains("my name is Ada", "re: my name is Ada");
      assertThat(agent.history(SessionKey.of("default", "s1"))).hasSize(4);
    }
  }

  @Test
  void sessionsAndUsers_doNotShareHistory() {
    try (ScriptedProvider model = echo();
        Agent agent = Agent.builder().provider(model).build()) {
      agent.chat(AgentRequest.builder("s1").userId("ada").text("secret plan A").build());
      agent.chat(AgentRequest.builder("s1").userId("bob").text("hello").build());
      assertThat(model.lastRequest().messages())
          .extracting(ChatMessage::text)
          .noneMatch(t -> t.contains("secret plan A"));
    }
  }

  @Test
  void longTermMemory_surfacesInALaterSessionOfTheSameUserOnly() {
    HashingEmbeddingModel embeddings = HashingEmbeddingModel.create();
    try (ScriptedProvider model = echo();
        InMemoryMemoryStore store = InMemoryMemoryStore.create(embeddings);
        Agent agent =
            Agent.builder().provider(model).memoryStore(store).embeddingModel(embeddings).build()) {
      agent.chat(
          AgentRequest.builder("monday")
              .userId("ada")
              .text("Our staging database is called pluto-staging")
              .build());
      AgentReply reply =
          agent.chat(
              AgentRequest.builder("tuesday")
                  .userId("ada")
                  .text("What is the staging database called?")
                  .build());
      assertThat(reply.memories()).isNotEmpty();
      ChatMessage sent =
          model.lastRequest().messages().get(model.lastRequest().messages().size() - 1);
      assertThat(sent.role()).isEqualTo(Role.USER);
      assertThat(sent.text()).contains("pluto-staging");
      agent.chat(
          AgentRequest.builder("wednesday")
              .userId("bob")
              .text("What is the staging database called?")
              .build());
      assertThat(model.lastRequest().messages())
          .extracting(ChatMessage::text)
          .noneMatch(t -> t.contains("pluto-staging"));
    }
  }

  @Test
  @Timeout(30)
  void concurrentTurnsOnOneSession_areSerializedAndLoseNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (ScriptedProvider model = echo();
        Agent agent = Agent.builder().provider(model).build()) {
      List<Future<?>> futures = new ArrayList<>();
      List<String> sent = new CopyOnWriteArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 5; i++) {
                    String text = "t" + thread + "-m" + i;
                    sent.add(text);
                    agent.chat(AgentRequest.of("shared", text));
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(20, TimeUnit.SECONDS);
      }
      List<ChatMessage> history = agent.history(SessionKey.of("default", "shared"));
      assertThat(history).hasSize(80);
      for (int i = 0; i < history.size(); i += 2) {
        assertThat(history.get(i + 1).text()).isEqualTo("re: " + history.get(i).text());
      }
      assertThat(history.stream().filter(m -> m.role().equals(Role.USER)).map(ChatMessage::text))
          .containsExactlyInAnyOrderElementsOf(sent);
    } finally {
      pool.shutdownNow();
    }
  }
}
