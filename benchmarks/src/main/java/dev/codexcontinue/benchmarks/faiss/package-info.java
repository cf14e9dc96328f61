/**
 * The FAISS comparison: {@link dev.codexcontinue.benchmarks.faiss.FaissBenchmark} generates the
 * data both sides use and measures this index; {@code benchmarks/faiss/run.sh} runs FAISS on the
 * same files and prints the ratio table.
 */
@NonNullByDefault
package dev.codexcontinue.benchmarks.faiss;

import dev.codexcontinue.api.annotation.NonNullByDefault;
