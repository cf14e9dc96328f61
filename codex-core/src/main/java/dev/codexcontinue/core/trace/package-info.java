/**
 * Tracing of agent turns: a {@link dev.codexcontinue.core.trace.SpanListener} given to {@code
 * AgentBuilder.addSpanListener(..)} sees every turn, pipeline step, model call and tool call as a
 * span, with its timing, ids, token usage, finish reason, time to first token and outcome. The
 * OpenTelemetry bridge ({@code codex-otel}) and the metrics ({@code AgentMetrics}, {@code
 * codex-micrometer}) are such listeners.
 *
 * <p>Spans nest: a turn holds its seven steps; the call-model step holds the model calls and tool
 * calls of the tool loop. Listeners are called on the turn's thread, in order: a span's start
 * before its children's, its end after theirs. They must be fast and must not throw (a listener
 * that throws is logged at WARN and skipped).
 */
@NonNullByDefault
package dev.codexcontinue.core.trace;

import dev.codexcontinue.api.annotation.NonNullByDefault;
