/**
 * GitHub tools for agents over the REST API ({@code GITHUB_TOKEN}, any API URL for GitHub
 * Enterprise): read a file, list and get pull requests, a pull request's diff and files, list
 * issues, search code; and, behind approval, comment on a pull request or issue and post a review.
 * Reads are allowed by default and mutations ask. GitHub's rate-limit rules are followed ({@code
 * retry-after}, {@code x-ratelimit-reset}, a minute otherwise), mutations are never retried and are
 * spaced at least a second apart, and the token never appears in results, logs or errors.
 */
@NonNullByDefault
package dev.codexcontinue.plugins.github;

import dev.codexcontinue.api.annotation.NonNullByDefault;
