package dev.codexcontinue.cli.agents;

import java.util.Objects;

/**
 * What became of a request to post a review.
 *
 * @param status posted, denied by the approver, or failed
 * @param message GitHub's answer (the review's URL) or why it was not posted
 */
public record PostResult(Status status, String message) {
  /** How a post ended. */
  public enum Status {
    /** GitHub accepted the review. */
    POSTED,
    /** The approver said no; nothing was sent. */
    DENIED,
    /** GitHub refused it or could not be reached. */
    FAILED
  }

  /** Checks the components. */
  public PostResult {
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(message, "message == null");
  }
}
