/**
 * The blueprint's three agents as small programs: a pull request reviewer, a shell assistant that
 * runs each command only after approval, and a notebook explainer that proposes cell edits. Their
 * logic lives in {@code codex-cli} ({@link dev.codexcontinue.cli.agents}), shared with {@code
 * codexctl review}, {@code shell} and {@code notebook}.
 */
@NonNullByDefault
package dev.codexcontinue.examples.agents;

import dev.codexcontinue.api.annotation.NonNullByDefault;
