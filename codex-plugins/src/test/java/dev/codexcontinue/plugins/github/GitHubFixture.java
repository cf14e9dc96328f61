package dev.codexcontinue.plugins.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.http.Fixtures;
import dev.codexcontinue.http.LeakCheck;
import java.time.Instant;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** A GitHub API on MockWebServer, tools pointed at it, and a manual clock. */
final class GitHubFixture implements AutoCloseable {
  static final String TOKEN = "ghp_TEST0123456789abcdefghijklmnopqrstu";
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  final MockWebServer server = new MockWebServer();
  final ManualClock clock = new ManualClock(NOW);
  final GitHubTools tools;

  GitHubFixture(UnaryOperator<GitHubTools.Builder> customize) throws Exception {
    server.start();
    tools =
        customize
            .apply(
                GitHubTools.builder()
                    .apiUrl(server.url("/api/v3").toString())
                    .token(Secret.of(TOKEN))
                    .clock(clock)
                    .sleeper(clock.sleeper()))
            .build();
  }

  GitHubFixture() throws Exception {
    this(b -> b);
  }

  Tool tool(String name) {
    return tools.tools().stream()
        .filter(t -> t.spec().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tool " + name));
  }

  ToolResult call(String name, String arguments) {
    return tool(name).execute(ToolCall.of("call_1", name, arguments), ToolContext.none());
  }

  void enqueueFixture(String fixture) {
    server.enqueue(json(200, Fixtures.text(GitHubFixture.class, "github/" + fixture)));
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setHeader("x-github-request-id", "CAFE:1234:5678")
        .body(body)
        .build();
  }

  @Override
  public void close() {
    LeakCheck.assertNoLeaks(tools.transport());
    tools.close();
    server.close();
    assertThat(tools.toString()).doesNotContain(TOKEN);
  }
}
