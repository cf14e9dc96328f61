/**
 * The docs tools: list, read and grep files under a root with symlink-safe confinement and size
 * caps, and index a folder into a {@link dev.codexcontinue.api.memory.MemoryStore} to retrieve
 * passages with citations. Start with {@link dev.codexcontinue.plugins.docs.DocsTools#builder()}
 * and {@link dev.codexcontinue.plugins.docs.DocsIndexer#builder()}.
 */
@NonNullByDefault
package dev.codexcontinue.plugins.docs;

import dev.codexcontinue.api.annotation.NonNullByDefault;
