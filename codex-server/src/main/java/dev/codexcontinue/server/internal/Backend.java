package dev.codexcontinue.server.internal;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.memory.SessionMemory;
import dev.codexcontinue.core.prompt.PromptLibrary;
import dev.codexcontinue.core.tool.ToolExecutor;

/**
 * What the endpoints serve from: the agent and the parts it was built from, shared so that the
 * tool, memory and session endpoints see exactly what the agent sees.
 *
 * @param provider the model provider (embeddings, code completion, models, direct chat)
 * @param agent the agent (chat turns with memory and tools)
 * @param sessions the agent's session memory
 * @param memory the agent's long-term memory
 * @param embeddings the model that embeds memory texts
 * @param tools the agent's tools under its policy
 * @param prompts the agent's prompt library
 * @param modelName the model id the server advertises for the agent
 * @param metrics the server's metrics
 */
public record Backend(
    Provider provider,
    Agent agent,
    SessionMemory sessions,
    MemoryStore memory,
    EmbeddingModel embeddings,
    ToolExecutor tools,
    PromptLibrary prompts,
    String modelName,
    Metrics metrics) {}
