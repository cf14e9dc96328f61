package dev.codexcontinue.memory.faiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RELIABILITY 31: malformed FAISS files fail clearly, before allocating from their counts. */
final class FaissReaderTest {

  @Test
  void read_unknownTypeTag_namesTheTag() {
    byte[] sq = Fixtures.bytes("flat_l2.faissindex").clone();
    sq[0] = 'I';
    sq[1] = 'x';
    sq[2] = 'S';
    sq[3] = 'Q';
    assertThatThrownBy(() -> FaissIndexes.read(sq))
        .isInstanceOf(FaissFormatException.class)
        .hasMessageContaining("IxSQ")
        .hasMessageContaining("unsupported index type")
        .satisfies(e -> assertThat(((FaissFormatException) e).tag()).contains("IxSQ"));
  }

  @Test
  void read_hugeNtotal_rejectedBeforeAllocating() {
    byte[] b = Fixtures.bytes("flat_l2.faissindex").clone();
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(8, 1L << 40);
    assertThatThrownBy(() -> FaissIndexes.read(b))
        .isInstanceOf(FaissFormatException.class)
        .hasMessageContaining("IxF2");
  }

  @Test
  void read_floatCountDisagreesWithHeader_rejected() {
    byte[] b = Fixtures.bytes("flat_l2.faissindex").clone();
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(37, 31_999);
    assertThatThrownBy(() -> FaissIndexes.read(b))
        .isInstanceOf(FaissFormatException.class)
        .hasMessageContaining("expected ntotal*d = 32000");
  }

  @Test
  void read_everyTruncation_rejected() {
    byte[] full = Fixtures.bytes("idmap2_hnsw_l2_m16.faissindex");
    for (int len :
        new int[] {0, 1, 3, 4, 20, 36, 37, 100, 1000, full.length / 2, full.length - 1}) {
      byte[] cut = Arrays.copyOf(full, len);
      assertThatThrownBy(() -> FaissIndexes.read(cut))
          .as("length %d", len)
          .isInstanceOf(FaissFormatException.class);
    }
  }

  @Test
  void read_hnswNeighbourOutOfRange_rejected() {
    byte[] b = Fixtures.bytes("hnsw_l2_m16.faissindex").clone();
    // first neighbour slot of node 0: after header (37), probas (8+64), cum (8+36), levels
    // (8+4000), offsets (8+8008) and the neighbours count (8)
    int slot0 = 37 + 72 + 44 + 4008 + 8016 + 8;
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(slot0, 5000);
    assertThatThrownBy(() -> FaissIndexes.read(b))
        .isInstanceOf(FaissFormatException.class)
        .hasMessageContaining("links to 5000");
  }
}
