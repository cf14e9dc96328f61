package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.Capability;
import dev.codexcontinue.cli.CliContext;
import dev.codexcontinue.cli.ExitCode;
import dev.codexcontinue.cli.agents.PostResult;
import dev.codexcontinue.cli.agents.PullRequestRef;
import dev.codexcontinue.cli.agents.PullRequestReviewer;
import dev.codexcontinue.cli.agents.Review;
import dev.codexcontinue.plugins.github.GitHubTools;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codexctl review PR-URL}: the GitHub agent. */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a pull request (description, changed files, diff) and writes a review.",
      "With --post, shows the exact request and posts the review as a comment only after you"
          + " approve. GITHUB_TOKEN is used when set (needed for private repositories and to"
          + " post)."
    })
final class ReviewCommand extends BaseCommand {
  @Parameters(
      paramLabel = "PR",
      description = "https://github.com/OWNER/REPO/pull/N or OWNER/REPO#N")
  String pullRequest = "";

  @Option(names = "--post", description = "Post the review on the pull request, after approval.")
  boolean post;

  ReviewCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    PullRequestRef ref;
    try {
      ref = PullRequestRef.parse(pullRequest);
    } catch (IllegalArgumentException e) {
      err().println("codexctl: " + e.getMessage());
      return ExitCode.USAGE;
    }
    GitHubTools.Builder github = GitHubTools.builder().settings(settings().settings());
    if (settings().settings().get("github.api-url").filter(v -> !v.isBlank()).isEmpty()) {
      github.apiUrl(ref.apiUrl());
    }
    try (GitHubTools tools = github.build();
        ChosenProvider chosen = resolver().resolve(Capability.CHAT)) {
      PullRequestReviewer reviewer =
          PullRequestReviewer.builder()
              .provider(chosen.provider())
              .githubTools(tools.tools())
              .build();
      err().println("reviewing " + ref + " with " + chosen.candidate().id() + " " + chosen.model());
      Review review = reviewer.review(ref, new ConsoleTurnListener(out(), false));
      out().println();
      if (!post) {
        return ExitCode.OK;
      }
      PromptingApprover approver = new PromptingApprover(input(), out());
      PostResult result = reviewer.post(review, approver);
      return switch (result.status()) {
        case POSTED -> {
          out().println(result.message());
          yield ExitCode.OK;
        }
        case DENIED -> {
          err().println("codexctl: not posted: denied");
          yield ExitCode.DENIED;
        }
        case FAILED -> {
          err().println("codexctl: posting failed: " + result.message());
          yield ExitCode.ERROR;
        }
      };
    }
  }
}
