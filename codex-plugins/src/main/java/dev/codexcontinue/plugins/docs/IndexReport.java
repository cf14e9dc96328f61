package dev.codexcontinue.plugins.docs;

/**
 * What one run of {@link DocsIndexer#index()} did.
 *
 * @param filesScanned regular, visible files found under the root
 * @param filesIndexed files whose content (or chunking) changed and were chunked again
 * @param filesUnchanged files whose SHA-256 matched the index, left alone
 * @param filesSkipped files refused as binary, too large or unreadable
 * @param chunksAdded chunks written to the store
 * @param chunksRemoved chunks deleted: those of changed files, and of files gone or now refused
 */
public record IndexReport(
    int filesScanned,
    int filesIndexed,
    int filesUnchanged,
    int filesSkipped,
    int chunksAdded,
    int chunksRemoved) {}
