package dev.codexcontinue.plugins.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import dev.codexcontinue.core.memory.InMemoryMemoryStore;
import dev.codexcontinue.core.tool.ToolExecution.Outcome;
import dev.codexcontinue.core.tool.ToolPolicy;
import dev.codexcontinue.test.ScriptedProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs tools inside an agent on the scripted provider: they run without approval (they only
 * read), a policy can still deny them, and their results reach the model as tool messages.
 */
@Timeout(30)
final class DocsAgentTest {
  @TempDir Path root;

  @Test
  void docsRead_runsWithoutApprovalAndTheFileReachesTheModel() throws Exception {
    Files.writeString(root.resolve("faq.md"), "# FAQ\nThe answer is 42.\n");
    DocsTools docs = DocsTools.builder().root(root).build();
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("docs_read", "{\"path\":\"faq.md\"}")
                .reply("It is 42.")
                .build();
        Agent agent = Agent.builder().provider(model).tools(docs.tools()).build()) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "what is the answer?"));
      assertThat(model.requests().get(0).tools())
          .extracting(ToolSpec::name)
          .contains("docs_list", "docs_read", "docs_grep");
      assertThat(reply.toolExecutions().get(0).outcome()).isEqualTo(Outcome.EXECUTED);
      assertThat(toolMessage(model.requests().get(1)).text()).contains("2: The answer is 42.");
      assertThat(reply.text()).isEqualTo("It is 42.");
    }
  }

  @Test
  void docsSearch_indexesOnFirstUseAndCitesThePassage() throws Exception {
    Files.writeString(
        root.resolve("ops.md"),
        "# Deploy\nRun make deploy.\n# Rollback\nRun make rollback to undo.\n");
    try (InMemoryMemoryStore store = InMemoryMemoryStore.create(HashingEmbeddingModel.create())) {
      DocsIndexer indexer = DocsIndexer.builder().root(root).store(store).build();
      DocsTools docs = DocsTools.builder().root(root).index(indexer).build();
      try (ScriptedProvider model =
              ScriptedProvider.builder()
                  .toolCall("docs_search", "{\"query\":\"how do I rollback and undo\",\"top_k\":1}")
                  .reply("See ops.md:3-4.")
                  .build();
          Agent agent = Agent.builder().provider(model).tools(docs.tools()).build()) {
        AgentReply reply = agent.chat(AgentRequest.of("s", "how to undo a deploy?"));
        assertThat(reply.toolExecutions().get(0).outcome()).isEqualTo(Outcome.EXECUTED);
        assertThat(toolMessage(model.requests().get(1)).text())
            .startsWith("[1] ops.md:3-4")
            .contains("# Rollback")
            .contains("make rollback");
        assertThat(store.size()).isEqualTo(2);
      }
    }
  }

  @Test
  void policyDeny_keepsTheToolFromTheModelAndFromRunning() throws Exception {
    Files.writeString(root.resolve("private.md"), "do not read\n");
    DocsTools docs = DocsTools.builder().root(root).build();
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("docs_read", "{\"path\":\"private.md\"}")
                .reply("ok")
                .build();
        Agent agent =
            Agent.builder()
                .provider(model)
                .tools(docs.tools())
                .toolPolicy(ToolPolicy.builder().deny("docs_read").build())
                .build()) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "read it"));
      assertThat(model.requests().get(0).tools())
          .extracting(ToolSpec::name)
          .doesNotContain("docs_read");
      assertThat(reply.toolExecutions().get(0).outcome()).isEqualTo(Outcome.NOT_AVAILABLE);
      assertThat(toolMessage(model.requests().get(1)).text()).doesNotContain("do not read");
    }
  }

  private static ChatMessage toolMessage(ChatRequest request) {
    return request.messages().stream()
        .filter(m -> m.role().equals(Role.TOOL))
        .reduce((a, b) -> b)
        .orElseThrow();
  }
}
