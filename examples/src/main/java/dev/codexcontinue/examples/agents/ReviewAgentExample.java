package dev.codexcontinue.examples.agents;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.cli.agents.PullRequestRef;
import dev.codexcontinue.cli.agents.PullRequestReviewer;
import dev.codexcontinue.cli.agents.Review;
import dev.codexcontinue.examples.ExampleProviders;
import dev.codexcontinue.plugins.github.GitHubTools;
import dev.codexcontinue.test.ScriptedProvider;
import java.io.PrintStream;
import java.util.List;

/**
 * The GitHub agent: reads a pull request and prints a review; nothing is posted.
 *
 * <pre>
 * CODEX_EXAMPLES_PROVIDER=openai OPENAI_API_KEY=... ./mvnw -q -pl examples -am package -DskipTests exec:java \
 *   -Dexec.mainClass=dev.codexcontinue.examples.agents.ReviewAgentExample \
 *   -Dexec.args=https://github.com/OWNER/REPO/pull/N
 * </pre>
 */
public final class ReviewAgentExample {
  private ReviewAgentExample() {}

  /** Reviews the pull request named by {@code args[0]}. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ReviewAgentExample https://github.com/OWNER/REPO/pull/N");
      System.exit(2);
    }
    PullRequestRef pr = PullRequestRef.parse(args[0]);
    try (Provider model =
            ExampleProviders.configuredOr(
                Settings.fromEnvironment(),
                System.out,
                "a scripted reviewer that always approves",
                () ->
                    ScriptedProvider.builder()
                        .reply("(scripted) The change looks consistent; no findings.")
                        .build());
        GitHubTools github = GitHubTools.builder().fromEnv().apiUrl(pr.apiUrl()).build()) {
      run(model, github.tools(), pr, System.out);
    }
  }

  /** Reviews {@code pr} with {@code model}, reading it through {@code githubTools}. */
  public static Review run(
      Provider model, List<? extends Tool> githubTools, PullRequestRef pr, PrintStream out) {
    PullRequestReviewer reviewer =
        PullRequestReviewer.builder().provider(model).githubTools(githubTools).build();
    out.println("Reviewing " + pr + "...");
    Review review = reviewer.review(pr, out::print);
    out.println();
    out.println("(" + review.usage().outputTokens() + " output tokens; not posted)");
    return review;
  }
}
