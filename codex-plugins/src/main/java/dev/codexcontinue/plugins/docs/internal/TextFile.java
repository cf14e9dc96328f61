package dev.codexcontinue.plugins.docs.internal;

import java.util.Objects;

/**
 * A text file read under the confinement rules.
 *
 * @param relativePath the path relative to the root, with {@code /} separators
 * @param text the content, decoded as UTF-8, without a byte-order mark
 * @param sha256 the SHA-256 of the bytes on disk, lower-case hex
 */
public record TextFile(String relativePath, String text, String sha256) {
  /** Checks the components. */
  public TextFile {
    Objects.requireNonNull(relativePath, "relativePath == null");
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(sha256, "sha256 == null");
  }
}
