/**
 * Implementation of the FAISS index and store: distance kernels, vector storage, the HNSW graph and
 * its algorithms, binary input and output, and the store's commit logic. Not API: no compatibility
 * promise.
 */
@NonNullByDefault
package dev.codexcontinue.memory.faiss.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
