package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import dev.codexcontinue.core.memory.InMemoryMemoryStore;
import dev.codexcontinue.core.memory.SessionMemory;
import dev.codexcontinue.core.memory.TokenCounter;
import dev.codexcontinue.core.prompt.PromptLibrary;
import dev.codexcontinue.core.tool.ToolExecutor;
import dev.codexcontinue.test.ScriptedProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.annotation.Nullable;

/** Builds runtimes and turn contexts for step tests. */
final class Turns {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  static final EmbeddingModel EMBEDDINGS = HashingEmbeddingModel.create(256);

  final SessionMemory sessions = SessionMemory.builder().clock(CLOCK).build();
  final MemoryStore store = InMemoryMemoryStore.create(EMBEDDINGS);
  AgentOptions options = AgentOptions.defaults();
  PromptLibrary prompts = PromptLibrary.defaults();
  Provider provider = ScriptedProvider.builder().build();
  List<Tool> tools = List.of();
  boolean withStore = true;

  AgentRuntime runtime() {
    return new AgentRuntime(
        provider,
        sessions,
        withStore ? store : null,
        EMBEDDINGS,
        ToolExecutor.builder().tools(tools).build(),
        prompts,
        options,
        TokenCounter.estimating(),
        CLOCK,
        List.of(),
        List.of(),
        null,
        null);
  }

  TurnContext turn(AgentRequest request) {
    return turn(request, null);
  }

  TurnContext turn(
      AgentRequest request,
      @Nullable
          dev.codexcontinue.core.internal.stream.StreamSink<dev.codexcontinue.core.AgentReply>
              sink) {
    return new TurnContext(runtime(), request, "turn-1", new TurnCancellation(), sink);
  }
}
