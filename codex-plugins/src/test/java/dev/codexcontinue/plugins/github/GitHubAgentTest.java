package dev.codexcontinue.plugins.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.tool.ApprovalDecision;
import dev.codexcontinue.core.tool.ToolInvocation;
import dev.codexcontinue.core.tool.ToolPolicy;
import dev.codexcontinue.http.Fixtures;
import dev.codexcontinue.test.ScriptedProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GitHub tools inside an agent on the scripted provider: the model asks, the policy and the
 * approver decide, the call reaches GitHub (or not), and the result reaches the model.
 */
final class GitHubAgentTest {
  private static final String REPO = "\"owner\":\"octocat\",\"repo\":\"Hello-World\"";

  private GitHubFixture gh;

  @BeforeEach
  void start() throws Exception {
    gh = new GitHubFixture();
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  @Test
  void read_runsWithoutApprovalAndTheResultReachesTheModel() throws Exception {
    gh.enqueueFixture("pull.json");
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("github_get_pull_request", "{" + REPO + ",\"number\":1347}")
                .reply("It adds an amazing feature.")
                .build();
        Agent agent = Agent.builder().provider(model).tools(gh.tools.tools()).build()) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "What does PR 1347 do?"));

      assertThat(reply.text()).isEqualTo("It adds an amazing feature.");
      assertThat(gh.server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath())
          .isEqualTo("/api/v3/repos/octocat/Hello-World/pulls/1347");
      assertThat(toolMessage(model.requests().get(1)).text()).contains("Amazing new feature");
      assertThat(model.requests().get(0).tools())
          .extracting(ToolSpec::name)
          .contains("github_get_pull_request", "github_comment");
    }
  }

  @Test
  void comment_approverSeesMethodUrlAndBodyThenItIsPosted() throws Exception {
    gh.server.enqueue(
        GitHubFixture.json(201, Fixtures.text(getClass(), "github/comment-created.json")));
    List<ToolInvocation> asked = new CopyOnWriteArrayList<>();
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("github_comment", "{" + REPO + ",\"number\":1347,\"body\":\"Me too\"}")
                .reply("Commented.")
                .build();
        Agent agent =
            Agent.builder()
                .provider(model)
                .tools(gh.tools.tools())
                .approver(
                    invocation -> {
                      asked.add(invocation);
                      return ApprovalDecision.APPROVE;
                    })
                .build()) {
      agent.chat(AgentRequest.of("s", "Say me too on 1347"));

      assertThat(asked)
          .singleElement()
          .satisfies(
              i ->
                  assertThat(i.description())
                      .isEqualTo(
                          "POST "
                              + gh.server.url(
                                  "/api/v3/repos/octocat/Hello-World/issues/1347/comments")
                              + " body: {\"body\":\"Me too\"}"));
      RecordedRequest sent = gh.server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(sent.getMethod()).isEqualTo("POST");
      assertThat(toolMessage(model.requests().get(1)).text()).contains("issuecomment-1");
    }
  }

  @Test
  void comment_deniedByTheApprover_neverReachesGitHub() {
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("github_comment", "{" + REPO + ",\"number\":1347,\"body\":\"spam\"}")
                .reply("Understood.")
                .build();
        Agent agent =
            Agent.builder()
                .provider(model)
                .tools(gh.tools.tools())
                .approver(invocation -> ApprovalDecision.DENY)
                .build()) {
      agent.chat(AgentRequest.of("s", "spam 1347"));

      assertThat(gh.server.getRequestCount()).isZero();
      assertThat(toolMessage(model.requests().get(1)).text()).contains("denied by user");
    }
  }

  @Test
  void policyDenyingWrites_hidesThemAndNeverAsks() {
    List<ToolInvocation> asked = new CopyOnWriteArrayList<>();
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall(
                    "github_create_review", "{" + REPO + ",\"number\":1,\"event\":\"APPROVE\"}")
                .reply("ok")
                .build();
        Agent agent =
            Agent.builder()
                .provider(model)
                .tools(gh.tools.tools())
                .toolPolicy(
                    ToolPolicy.builder()
                        .deny("github_comment")
                        .deny("github_create_review")
                        .build())
                .approver(
                    invocation -> {
                      asked.add(invocation);
                      return ApprovalDecision.APPROVE;
                    })
                .build()) {
      agent.chat(AgentRequest.of("s", "approve PR 1"));

      assertThat(model.requests().get(0).tools())
          .extracting(ToolSpec::name)
          .doesNotContain("github_comment", "github_create_review")
          .contains("github_list_issues");
      assertThat(asked).isEmpty();
      assertThat(gh.server.getRequestCount()).isZero();
      assertThat(toolMessage(model.requests().get(1)).text()).contains("not available");
    }
  }

  static ChatMessage toolMessage(ChatRequest request) {
    return request.messages().stream()
        .filter(m -> m.role().equals(Role.TOOL))
        .reduce((a, b) -> b)
        .orElseThrow();
  }
}
