package dev.codexcontinue.memory.faiss;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * RELIABILITY 31/34: any bytes given to the FAISS reader either load as an index that can be
 * searched and written back, or fail with {@link FaissFormatException}; nothing else escapes, and
 * nothing runs out of memory (this execution runs with {@code -Xmx256m}). Runs in regression mode
 * on the committed seeds in {@code FaissReaderFuzzTestInputs/read}; {@code JAZZER_FUZZ=1} fuzzes.
 */
@Tag("fuzz")
final class FaissReaderFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void read(byte[] data) {
    VectorIndex index;
    try {
      index = FaissIndexes.read(data);
    } catch (FaissFormatException expected) {
      return;
    }
    float[] query = new float[index.dimension()];
    SearchResult found = index.search(query, 3);
    assertThat(found.size()).isLessThanOrEqualTo(3);
    VectorIndex again = FaissIndexes.read(FaissIndexes.toBytes(index));
    assertThat(again.size()).isEqualTo(index.size());
    assertThat(again.dimension()).isEqualTo(index.dimension());
    assertThat(again.metric()).isEqualTo(index.metric());
  }
}
