package dev.codexcontinue.cli.agents;

import dev.codexcontinue.api.TokenUsage;
import java.util.Objects;

/**
 * A review {@link PullRequestReviewer} wrote.
 *
 * @param pullRequest the pull request reviewed
 * @param text the review, in Markdown
 * @param usage the tokens the model spent on it
 */
public record Review(PullRequestRef pullRequest, String text, TokenUsage usage) {
  /** Checks the components. */
  public Review {
    Objects.requireNonNull(pullRequest, "pullRequest == null");
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(usage, "usage == null");
  }
}
