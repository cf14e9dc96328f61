package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.core.AgentListener;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.core.log.ConversationLog;
import dev.codexcontinue.core.memory.SessionMemory;
import dev.codexcontinue.core.memory.TokenCounter;
import dev.codexcontinue.core.prompt.PromptLibrary;
import dev.codexcontinue.core.ratelimit.RateLimiter;
import dev.codexcontinue.core.tool.ToolExecutor;
import dev.codexcontinue.core.trace.SpanListener;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * What an agent's steps work with: its provider, memories, tools, prompts and options. Immutable
 * wiring; the parts themselves are thread-safe.
 *
 * @param provider the model
 * @param sessions session memory
 * @param longTermOrNull long-term memory, or null when the agent has none
 * @param embeddings embeds messages, memories and tool descriptions
 * @param tools runs tool calls under the policy
 * @param prompts the prompt library
 * @param options the budgets and knobs
 * @param tokenCounter estimates prompt sizes
 * @param clock the agent's clock
 * @param listeners step and tool observers
 * @param spanListeners span observers (tracing, metrics)
 * @param logOrNull the conversation log, or null when turns are not logged
 * @param limiterOrNull the rate limiter asked before every model call, or null
 */
record AgentRuntime(
    Provider provider,
    SessionMemory sessions,
    @Nullable MemoryStore longTermOrNull,
    EmbeddingModel embeddings,
    ToolExecutor tools,
    PromptLibrary prompts,
    AgentOptions options,
    TokenCounter tokenCounter,
    Clock clock,
    List<AgentListener> listeners,
    List<SpanListener> spanListeners,
    @Nullable ConversationLog logOrNull,
    @Nullable RateLimiter limiterOrNull) {

  Optional<MemoryStore> longTerm() {
    return Optional.ofNullable(longTermOrNull);
  }

  Optional<ConversationLog> log() {
    return Optional.ofNullable(logOrNull);
  }

  Optional<RateLimiter> rateLimiter() {
    return Optional.ofNullable(limiterOrNull);
  }
}
