/**
 * {@code codexctl}, the terminal assistant: {@link dev.codexcontinue.cli.Codexctl} is its entry
 * point, {@link dev.codexcontinue.cli.CliContext} what it reads and writes (injectable for tests
 * and hosts), {@link dev.codexcontinue.cli.ExitCode} what it returns.
 */
@NonNullByDefault
package dev.codexcontinue.cli;

import dev.codexcontinue.api.annotation.NonNullByDefault;
