/**
 * Memory: long-term records searched by vector similarity ({@link
 * dev.codexcontinue.api.memory.MemoryStore}) and the persistence of session (short-term)
 * conversations ({@link dev.codexcontinue.api.memory.SessionStore}).
 */
@NonNullByDefault
package dev.codexcontinue.api.memory;

import dev.codexcontinue.api.annotation.NonNullByDefault;
