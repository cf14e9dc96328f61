package dev.codexcontinue.plugins.github;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.http.Fixtures;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each GitHub tool against payloads shaped like the REST API's, both directions asserted. */
final class GitHubToolsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
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

  private RecordedRequest taken() throws InterruptedException {
    return gh.server.takeRequest(5, SECONDS);
  }

  @Test
  void getFile_base64Content_returnsTheTextAndSendsGitHubHeaders() throws Exception {
    gh.enqueueFixture("contents-file.json");

    ToolResult result =
        gh.call("github_get_file", "{" + REPO + ",\"path\":\"docs/README.md\",\"ref\":\"main\"}");

    assertThat(result.isError()).isFalse();
    assertThat(result.content()).contains("docs/README.md").contains("# Hello World");
    RecordedRequest sent = taken();
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getUrl().encodedPath())
        .isEqualTo("/api/v3/repos/octocat/Hello-World/contents/docs/README.md");
    assertThat(sent.getUrl().queryParameter("ref")).isEqualTo("main");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + GitHubFixture.TOKEN);
    assertThat(sent.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
    assertThat(sent.getHeaders().get("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
  }

  @Test
  void getFile_directory_listsItsEntries() {
    gh.enqueueFixture("contents-dir.json");

    ToolResult result = gh.call("github_get_file", "{" + REPO + ",\"path\":\"lib\"}");

    assertThat(result.content()).contains("file  lib/octokit.rb (625 bytes)", "dir   lib/octokit");
  }

  @Test
  void getFile_dotDotPath_isRefusedWithoutARequest() {
    ToolResult result = gh.call("github_get_file", "{" + REPO + ",\"path\":\"docs/../../x\"}");

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("..");
    assertThat(gh.server.getRequestCount()).isZero();
  }

  @Test
  void getFile_ownerThatIsAPath_isRefusedWithoutARequest() {
    ToolResult result =
        gh.call("github_get_file", "{\"owner\":\"../users\",\"repo\":\"x\",\"path\":\"a\"}");

    assertThat(result.isError()).isTrue();
    assertThat(gh.server.getRequestCount()).isZero();
  }

  @Test
  void listPullRequests_followsNextLinksOnTheApiOriginUpToTheLimit() throws Exception {
    String next = gh.server.url("/api/v3/repositories/1300192/pulls?page=2&per_page=3").toString();
    gh.server.enqueue(
        new MockResponse.Builder(
                GitHubFixture.json(200, Fixtures.text(getClass(), "github/pulls-page1.json")))
            .setHeader("Link", "<" + next + ">; rel=\"next\", <" + next + ">; rel=\"last\"")
            .build());
    gh.enqueueFixture("pulls-page2.json");

    ToolResult result = gh.call("github_list_pull_requests", "{" + REPO + ",\"limit\":3}");

    JsonNode list = JSON.readTree(result.content());
    assertThat(list).hasSize(3);
    assertThat(list.get(0).path("number").asInt()).isEqualTo(1347);
    assertThat(list.get(0).path("author").asText()).isEqualTo("octocat");
    assertThat(list.get(0).path("head").asText()).isEqualTo("new-topic");
    assertThat(list.get(2).path("title").asText()).isEqualTo("Update docs");
    RecordedRequest first = taken();
    assertThat(first.getUrl().queryParameter("per_page")).isEqualTo("3");
    assertThat(first.getUrl().queryParameter("state")).isEqualTo("open");
    assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/v3/repositories/1300192/pulls");
  }

  @Test
  void listPullRequests_nextLinkToAnotherHost_isNotFollowed() throws Exception {
    gh.server.enqueue(
        new MockResponse.Builder(
                GitHubFixture.json(200, Fixtures.text(getClass(), "github/pulls-page1.json")))
            .setHeader("Link", "<https://elsewhere.example/pulls?page=2>; rel=\"next\"")
            .build());

    ToolResult result = gh.call("github_list_pull_requests", "{" + REPO + "}");

    assertThat(JSON.readTree(result.content())).hasSize(2);
    assertThat(gh.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void getPullRequest_returnsStateSizeAndBody() throws Exception {
    gh.enqueueFixture("pull.json");

    ToolResult result = gh.call("github_get_pull_request", "{" + REPO + ",\"number\":1347}");

    JsonNode pr = JSON.readTree(result.content());
    assertThat(pr.path("title").asText()).isEqualTo("Amazing new feature");
    assertThat(pr.path("changed_files").asInt()).isEqualTo(5);
    assertThat(pr.path("body").asText()).contains("awesome changes");
    assertThat(taken().getUrl().encodedPath())
        .isEqualTo("/api/v3/repos/octocat/Hello-World/pulls/1347");
  }

  @Test
  void getPullRequestDiff_asksForTheDiffMediaTypeAndCapsIt() throws Exception {
    gh.server.enqueue(new MockResponse.Builder().body("+line\n".repeat(100_000)).build());

    ToolResult result = gh.call("github_get_pull_request_diff", "{" + REPO + ",\"number\":1347}");

    assertThat(result.content()).startsWith("+line").contains("[diff truncated: ");
    assertThat(result.content().length()).isLessThan(256 * 1024 + 200);
    assertThat(taken().getHeaders().get("Accept")).isEqualTo("application/vnd.github.diff");
  }

  @Test
  void getPullRequestDiff_smallDiff_isReturnedWhole() {
    gh.server.enqueue(
        new MockResponse.Builder().body(Fixtures.text(getClass(), "github/pull.diff")).build());

    ToolResult result = gh.call("github_get_pull_request_diff", "{" + REPO + ",\"number\":1}");

    assertThat(result.content()).isEqualTo(Fixtures.text(getClass(), "github/pull.diff"));
  }

  @Test
  void listPullRequestFiles_returnsFilenamesAndPatches() throws Exception {
    gh.enqueueFixture("pull-files.json");

    ToolResult result = gh.call("github_list_pull_request_files", "{" + REPO + ",\"number\":1347}");

    JsonNode files = JSON.readTree(result.content());
    assertThat(files.get(0).path("filename").asText()).isEqualTo("file1.txt");
    assertThat(files.get(0).path("patch").asText()).startsWith("@@ -132,7");
    assertThat(taken().getUrl().encodedPath())
        .isEqualTo("/api/v3/repos/octocat/Hello-World/pulls/1347/files");
  }

  @Test
  void listIssues_marksPullRequestsAndFiltersByLabel() throws Exception {
    gh.enqueueFixture("issues.json");

    ToolResult result =
        gh.call("github_list_issues", "{" + REPO + ",\"state\":\"all\",\"labels\":\"bug\"}");

    JsonNode issues = JSON.readTree(result.content());
    assertThat(issues.get(0).path("is_pull_request").asBoolean()).isFalse();
    assertThat(issues.get(0).path("labels").get(0).asText()).isEqualTo("bug");
    assertThat(issues.get(1).path("is_pull_request").asBoolean()).isTrue();
    RecordedRequest sent = taken();
    assertThat(sent.getUrl().queryParameter("labels")).isEqualTo("bug");
    assertThat(sent.getUrl().queryParameter("state")).isEqualTo("all");
  }

  @Test
  void searchCode_narrowsToTheRepositoryAndReadsItems() throws Exception {
    gh.enqueueFixture("search-code.json");

    ToolResult result =
        gh.call(
            "github_search_code",
            "{\"query\":\"addClass language:js\",\"owner\":\"jquery\",\"repo\":\"jquery\"}");

    JsonNode hits = JSON.readTree(result.content());
    assertThat(hits.get(0).path("repository").asText()).isEqualTo("jquery/jquery");
    assertThat(hits.get(0).path("path").asText()).isEqualTo("src/attributes/classes.js");
    RecordedRequest sent = taken();
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v3/search/code");
    assertThat(sent.getUrl().queryParameter("q"))
        .isEqualTo("addClass language:js repo:jquery/jquery");
  }

  @Test
  void comment_postsTheBodyAndReportsTheNewComment() throws Exception {
    gh.server.enqueue(
        GitHubFixture.json(201, Fixtures.text(getClass(), "github/comment-created.json")));

    ToolResult result =
        gh.call("github_comment", "{" + REPO + ",\"number\":1347,\"body\":\"Me too\"}");

    assertThat(result.isError()).isFalse();
    assertThat(result.content()).contains("issuecomment-1");
    RecordedRequest sent = taken();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getUrl().encodedPath())
        .isEqualTo("/api/v3/repos/octocat/Hello-World/issues/1347/comments");
    assertThat(JSON.readTree(sent.getBody().utf8()).path("body").asText()).isEqualTo("Me too");
  }

  @Test
  void createReview_postsVerdictSummaryAndLineComments() throws Exception {
    gh.server.enqueue(
        GitHubFixture.json(200, Fixtures.text(getClass(), "github/review-created.json")));

    ToolResult result =
        gh.call(
            "github_create_review",
            "{"
                + REPO
                + ",\"number\":12,\"event\":\"REQUEST_CHANGES\",\"body\":\"Close\","
                + "\"comments\":[{\"path\":\"file1.txt\",\"line\":2,\"body\":\"typo\"}]}");

    assertThat(result.content()).contains("CHANGES_REQUESTED", "pullrequestreview-80");
    RecordedRequest sent = taken();
    assertThat(sent.getUrl().encodedPath())
        .isEqualTo("/api/v3/repos/octocat/Hello-World/pulls/12/reviews");
    JsonNode body = JSON.readTree(sent.getBody().utf8());
    assertThat(body.path("event").asText()).isEqualTo("REQUEST_CHANGES");
    assertThat(body.path("comments").get(0).path("path").asText()).isEqualTo("file1.txt");
  }

  @Test
  void notFound_isAnErrorResultWithGitHubsMessage() {
    gh.server.enqueue(GitHubFixture.json(404, "{\"message\":\"Not Found\"}"));

    ToolResult result = gh.call("github_get_pull_request", "{" + REPO + ",\"number\":9}");

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("404", "Not Found");
    assertThat(gh.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void permissions_readsAllowAndWritesAsk() {
    for (Tool tool : gh.tools.tools()) {
      boolean write =
          tool.spec().name().equals("github_comment")
              || tool.spec().name().equals("github_create_review");
      assertThat(tool.defaultPermission())
          .as(tool.spec().name())
          .isEqualTo(write ? ToolPermission.ASK : ToolPermission.ALLOW);
    }
    assertThat(gh.tools.tools()).hasSize(9);
  }

  @Test
  void describeCall_showsMethodUrlAndBody() {
    String described =
        gh.tool("github_comment")
            .describeCall(
                ToolCall.of(
                    "c", "github_comment", "{" + REPO + ",\"number\":5,\"body\":\"LGTM\"}"));

    assertThat(described)
        .isEqualTo(
            "POST "
                + gh.server.url("/api/v3/repos/octocat/Hello-World/issues/5/comments")
                + " body: {\"body\":\"LGTM\"}");
    assertThat(described).doesNotContain(GitHubFixture.TOKEN);
  }

  @Test
  void readOnly_leavesTheWriteToolsOut() throws Exception {
    try (GitHubFixture readOnly = new GitHubFixture(b -> b.readOnly(true))) {
      assertThat(readOnly.tools.tools())
          .extracting(t -> t.spec().name())
          .hasSize(7)
          .doesNotContain("github_comment", "github_create_review");
    }
  }

  @Test
  void builder_rejectsBadValues() {
    assertThatThrownBy(() -> GitHubTools.builder().apiUrl("ftp://x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GitHubTools.builder().maxPages(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GitHubTools.builder().token(null))
        .isInstanceOf(NullPointerException.class);
  }
}
