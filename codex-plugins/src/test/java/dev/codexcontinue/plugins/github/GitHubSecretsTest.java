package dev.codexcontinue.plugins.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.http.HttpCall;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY 25: the GitHub token never reaches results, logs (TRACE included, in the file the
 * test logger writes), exceptions or toString, even when GitHub or a file echoes it.
 */
final class GitHubSecretsTest {
  private static final String TOKEN = GitHubFixture.TOKEN;
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
  void token_echoedByGitHubOrAFile_appearsNowhere() throws Exception {
    gh.server.enqueue(GitHubFixture.json(401, "{\"message\":\"Bad credentials: " + TOKEN + "\"}"));
    String file =
        Base64.getEncoder()
            .encodeToString(("token=" + TOKEN + "\n").getBytes(StandardCharsets.UTF_8));
    gh.server.enqueue(
        GitHubFixture.json(
            200,
            "{\"type\":\"file\",\"encoding\":\"base64\",\"size\":50,\"path\":\".env\","
                + "\"content\":\""
                + file
                + "\"}"));
    gh.server.enqueue(GitHubFixture.json(401, "{\"message\":\"Bad credentials: " + TOKEN + "\"}"));

    ToolResult denied = gh.call("github_get_pull_request", "{" + REPO + ",\"number\":1}");
    ToolResult read = gh.call("github_get_file", "{" + REPO + ",\"path\":\".env\"}");
    Throwable thrown =
        catchThrowable(
            () ->
                gh.tools
                    .transport()
                    .execute(
                        HttpCall.get(gh.server.url("/api/v3/user").toString())
                            .header("Authorization", "Bearer " + TOKEN)
                            .build()));

    assertThat(denied.isError()).isTrue();
    assertThat(denied.content()).contains("401", "Bad credentials: ****");
    assertThat(read.content()).contains("token=****");
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    String logged = Files.readString(Path.of("target/test-sdk.log"));
    assertThat(logged).contains("github").contains("status=401");
    for (String text :
        new String[] {
          denied.content(),
          read.content(),
          thrown.toString(),
          trace.toString(),
          logged,
          gh.tools.toString(),
          gh.tool("github_comment")
              .describeCall(
                  ToolCall.of(
                      "c",
                      "github_comment",
                      "{" + REPO + ",\"number\":1,\"body\":\"" + TOKEN + "\"}"))
        }) {
      assertThat(count(text, TOKEN)).as(text).isZero();
    }
  }

  @Test
  void settings_registerTheTokenFromTheEnvironment() {
    Settings settings =
        Settings.builder()
            .environment(
                java.util.Map.of(
                    "GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", gh.server.url("/api/v3").toString()))
            .build();
    gh.server.enqueue(GitHubFixture.json(401, "{\"message\":\"Bad credentials: " + TOKEN + "\"}"));

    try (GitHubTools tools = GitHubTools.builder().settings(settings).build()) {
      ToolResult result =
          tools
              .tools()
              .get(2)
              .execute(
                  ToolCall.of("c", "github_get_pull_request", "{" + REPO + ",\"number\":1}"),
                  dev.codexcontinue.api.ToolContext.none());

      assertThat(result.content()).contains("Bad credentials: ****").doesNotContain(TOKEN);
      assertThat(settings.toString()).doesNotContain(TOKEN);
      assertThat(tools.toString()).doesNotContain(TOKEN);
    }
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
