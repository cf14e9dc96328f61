/**
 * The per-keystroke cost of codex-core's editor completion helper: {@link
 * dev.codexcontinue.benchmarks.completion.CompletionKeystrokeBenchmark} measures building the
 * request (windows, declarations, snippets of open files), trimming an answer, the cache, and a
 * whole keystroke through {@code CodeCompleter} with an instant provider.
 */
@NonNullByDefault
package dev.codexcontinue.benchmarks.completion;

import dev.codexcontinue.api.annotation.NonNullByDefault;
