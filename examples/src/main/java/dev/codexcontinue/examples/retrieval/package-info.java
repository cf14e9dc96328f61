/** Retrieval over a folder: docs indexed into a FAISS store, an agent that cites what it found. */
@NonNullByDefault
package dev.codexcontinue.examples.retrieval;

import dev.codexcontinue.api.annotation.NonNullByDefault;
