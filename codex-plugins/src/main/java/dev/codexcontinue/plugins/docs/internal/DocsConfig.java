package dev.codexcontinue.plugins.docs.internal;

import dev.codexcontinue.http.Redactor;
import java.time.Duration;
import java.util.Objects;

/**
 * What the docs tools share: the root, their limits and the redactor of secret values.
 *
 * @param root the confinement
 * @param maxFileBytes the largest file read
 * @param maxListEntries the most entries a listing shows
 * @param maxGrepMatches the most matches a search shows
 * @param grepTimeout how long a search may run
 * @param maxOutputChars the most characters a tool returns
 * @param redactor masks registered secrets in everything returned
 */
public record DocsConfig(
    ConfinedRoot root,
    long maxFileBytes,
    int maxListEntries,
    int maxGrepMatches,
    Duration grepTimeout,
    int maxOutputChars,
    Redactor redactor) {
  /** Checks the components. */
  public DocsConfig {
    Objects.requireNonNull(root, "root == null");
    Objects.requireNonNull(grepTimeout, "grepTimeout == null");
    Objects.requireNonNull(redactor, "redactor == null");
  }

  /** Returns {@code text} with secrets masked and cut at the output cap, with a marker. */
  public String finish(String text) {
    String redacted = redactor.redact(text);
    if (redacted.length() <= maxOutputChars) {
      return redacted;
    }
    return redacted.substring(0, maxOutputChars)
        + "\n[output truncated at "
        + maxOutputChars
        + " characters]";
  }
}
