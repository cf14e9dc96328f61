/**
 * In-process metrics of agents: {@link dev.codexcontinue.core.metrics.AgentMetrics} counts turns,
 * model calls, errors by type, tokens, tool calls, retries and rate-limit waits, and keeps latency
 * histograms with fixed buckets; {@link dev.codexcontinue.core.metrics.MetricsSnapshot} is a
 * consistent, immutable view of them. The {@code codex-micrometer} module exports the same events
 * to Micrometer.
 */
@NonNullByDefault
package dev.codexcontinue.core.metrics;

import dev.codexcontinue.api.annotation.NonNullByDefault;
