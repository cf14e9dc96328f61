/**
 * Long-term memory on PostgreSQL with the pgvector extension: a {@link
 * dev.codexcontinue.api.memory.MemoryStore} whose vector index, distances and metadata filters run
 * in the database.
 */
@NonNullByDefault
package dev.codexcontinue.memory.pgvector;

import dev.codexcontinue.api.annotation.NonNullByDefault;
