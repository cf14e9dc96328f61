/**
 * The blueprint's agents as reusable classes: {@link
 * dev.codexcontinue.cli.agents.PullRequestReviewer} (reads a pull request and writes a review),
 * {@link dev.codexcontinue.cli.agents.ShellAssistant} (proposes commands and runs each after
 * approval) and {@link dev.codexcontinue.cli.agents.NotebookAssistant} (explains a Jupyter
 * notebook's cells and errors and proposes edits). {@code codexctl review}, {@code shell} and
 * {@code notebook} run them, and so do the examples.
 *
 * <p>Each is immutable and thread-safe once built; what its builder is given (provider, tools) is
 * borrowed and never closed.
 */
@NonNullByDefault
package dev.codexcontinue.cli.agents;

import dev.codexcontinue.api.annotation.NonNullByDefault;
