/**
 * A pure-Java vector index that reads and writes FAISS's own index files, and the persistent {@link
 * dev.codexcontinue.api.memory.MemoryStore} built on it.
 *
 * <p>{@link dev.codexcontinue.memory.faiss.FaissIndexes} reads and writes FAISS files ({@code
 * IxF2}, {@code IxFI}, {@code IHNf}, {@code IxMp}, {@code IxM2}, and {@code IwFl} for reading and
 * searching); {@link dev.codexcontinue.memory.faiss.FlatIndex}, {@link
 * dev.codexcontinue.memory.faiss.HnswIndex} and {@link dev.codexcontinue.memory.faiss.IdMapIndex}
 * build indexes in memory; {@link dev.codexcontinue.memory.faiss.FaissMemoryStore} keeps records
 * with text and metadata in a directory that survives a crash at any instant.
 *
 * <p>Rules for the whole package: indexes are thread-safe, with any number of concurrent searches
 * and one writer at a time. Distances follow FAISS: squared Euclidean distance for {@link
 * dev.codexcontinue.memory.faiss.Metric#L2} (smaller is closer) and the inner product for {@link
 * dev.codexcontinue.memory.faiss.Metric#INNER_PRODUCT} (larger is closer). A file that cannot be
 * read fails with {@link dev.codexcontinue.memory.faiss.FaissFormatException} before anything is
 * allocated from its counts.
 */
@NonNullByDefault
package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.api.annotation.NonNullByDefault;
