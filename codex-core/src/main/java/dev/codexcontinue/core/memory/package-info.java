/**
 * Memory for agents: {@link dev.codexcontinue.core.memory.SessionMemory} keeps each conversation's
 * recent messages within message and token caps without ever splitting a tool call from its
 * results; {@link dev.codexcontinue.core.memory.InMemorySessionStore} and {@link
 * dev.codexcontinue.core.memory.JsonlSessionStore} persist sessions; {@link
 * dev.codexcontinue.core.memory.InMemoryMemoryStore} is a long-term memory searched by exact cosine
 * similarity; and {@link dev.codexcontinue.core.memory.HashingEmbeddingModel} embeds text offline,
 * so memory and tool matching work with no model server at all.
 *
 * <p>Rules for the whole package: every type is thread-safe unless it says otherwise; nothing
 * returns {@code null}; arguments are checked and misuse throws {@code NullPointerException},
 * {@code IllegalArgumentException} or {@code IllegalStateException}; storage failures throw {@link
 * dev.codexcontinue.api.exception.MemoryStoreException}. Message contents never appear in logs or
 * exception messages.
 */
@NonNullByDefault
package dev.codexcontinue.core.memory;

import dev.codexcontinue.api.annotation.NonNullByDefault;
