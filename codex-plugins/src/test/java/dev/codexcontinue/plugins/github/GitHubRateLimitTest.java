package dev.codexcontinue.plugins.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.http.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY 9: GitHub's rate-limit rules, with a manual clock: waits are recorded, never slept;
 * mutations are sent once and spaced.
 */
final class GitHubRateLimitTest {
  private static final String PR =
      "{\"owner\":\"octocat\",\"repo\":\"Hello-World\",\"number\":1347}";
  private static final String COMMENT =
      "{\"owner\":\"octocat\",\"repo\":\"Hello-World\",\"number\":1347,\"body\":\"Me too\"}";

  private GitHubFixture gh;

  @BeforeEach
  void start() throws Exception {
    gh = new GitHubFixture();
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private String fixture(String name) {
    return Fixtures.text(getClass(), "github/" + name);
  }

  @Test
  void read_403WithRemainingZero_waitsUntilResetThenSucceeds() {
    long reset = GitHubFixture.NOW.getEpochSecond() + 3;
    gh.server.enqueue(
        new MockResponse.Builder(GitHubFixture.json(403, fixture("rate-limited.json")))
            .setHeader("x-ratelimit-limit", "5000")
            .setHeader("x-ratelimit-remaining", "0")
            .setHeader("x-ratelimit-used", "5000")
            .setHeader("x-ratelimit-reset", Long.toString(reset))
            .setHeader("x-ratelimit-resource", "core")
            .build());
    gh.enqueueFixture("pull.json");

    ToolResult result = gh.call("github_get_pull_request", PR);

    assertThat(result.isError()).isFalse();
    assertThat(result.content()).contains("Amazing new feature");
    assertThat(gh.clock.sleeps()).containsExactly(Duration.ofSeconds(3));
    assertThat(gh.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void read_429WithoutHeaders_waitsAtLeastAMinute() {
    gh.server.enqueue(GitHubFixture.json(429, fixture("secondary-rate-limited.json")));
    gh.enqueueFixture("pull.json");

    ToolResult result = gh.call("github_get_pull_request", PR);

    assertThat(result.isError()).isFalse();
    assertThat(gh.clock.sleeps())
        .singleElement()
        .satisfies(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(60)));
    assertThat(gh.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void read_secondaryLimitWithRetryAfter_waitsWhatGitHubSays() {
    gh.server.enqueue(
        new MockResponse.Builder(GitHubFixture.json(403, fixture("secondary-rate-limited.json")))
            .setHeader("retry-after", "7")
            .build());
    gh.enqueueFixture("pull.json");

    ToolResult result = gh.call("github_get_pull_request", PR);

    assertThat(result.isError()).isFalse();
    assertThat(gh.clock.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void read_secondaryLimitWithoutHeaders_waitsLongerEachTimeThenGivesUp() throws Exception {
    gh.close();
    gh = new GitHubFixture(b -> b.maxRateLimitWait(Duration.ofMinutes(5)));
    for (int i = 0; i < 3; i++) {
      gh.server.enqueue(GitHubFixture.json(403, fixture("secondary-rate-limited.json")));
    }

    ToolResult result = gh.call("github_get_pull_request", PR);

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("rate limit", "try again in 240 s");
    assertThat(gh.clock.sleeps()).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120));
    assertThat(gh.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void read_plain403_isAPermissionErrorWithoutWaiting() {
    gh.server.enqueue(
        GitHubFixture.json(403, "{\"message\":\"Resource not accessible by integration\"}"));

    ToolResult result = gh.call("github_get_pull_request", PR);

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("Resource not accessible");
    assertThat(gh.clock.sleeps()).isEmpty();
    assertThat(gh.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void read_resetFurtherThanTheCap_tellsTheModelWhenInsteadOfWaiting() {
    long reset = GitHubFixture.NOW.getEpochSecond() + 1800;
    gh.server.enqueue(
        new MockResponse.Builder(GitHubFixture.json(403, fixture("rate-limited.json")))
            .setHeader("x-ratelimit-remaining", "0")
            .setHeader("x-ratelimit-reset", Long.toString(reset))
            .build());

    ToolResult result = gh.call("github_get_pull_request", PR);

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("try again in 1800 s");
    assertThat(gh.clock.sleeps()).isEmpty();
  }

  @Test
  void read_502_isRetriedByTheTransport() {
    gh.server.enqueue(GitHubFixture.json(502, "{\"message\":\"Server Error\"}"));
    gh.enqueueFixture("pull.json");

    ToolResult result = gh.call("github_get_pull_request", PR);

    assertThat(result.isError()).isFalse();
    assertThat(gh.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void post_502_isSentOnceAndTheModelGetsAnError() {
    gh.server.enqueue(GitHubFixture.json(502, "{\"message\":\"Server Error\"}"));
    gh.server.enqueue(GitHubFixture.json(201, fixture("comment-created.json")));

    ToolResult result = gh.call("github_comment", COMMENT);

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("502");
    assertThat(gh.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void post_rateLimited_isNotRetriedNorWaitedFor() {
    gh.server.enqueue(
        new MockResponse.Builder(GitHubFixture.json(403, fixture("secondary-rate-limited.json")))
            .setHeader("retry-after", "30")
            .build());

    ToolResult result = gh.call("github_comment", COMMENT);

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("not sent again", "30 s");
    assertThat(gh.server.getRequestCount()).isEqualTo(1);
    assertThat(gh.clock.sleeps()).isEmpty();
  }

  @Test
  void post_twoInOneRun_areAtLeastOneSecondApartByTheClock() {
    List<Instant> seen = new CopyOnWriteArrayList<>();
    String created = fixture("comment-created.json");
    gh.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            seen.add(gh.clock.instant());
            return GitHubFixture.json(201, created);
          }
        });

    ToolResult first = gh.call("github_comment", COMMENT);
    ToolResult second = gh.call("github_comment", COMMENT);

    assertThat(first.isError()).isFalse();
    assertThat(second.isError()).isFalse();
    assertThat(seen).hasSize(2);
    assertThat(Duration.between(seen.get(0), seen.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(gh.clock.sleeps()).containsExactly(Duration.ofSeconds(1));
  }
}
