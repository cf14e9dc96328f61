package dev.codexcontinue.memory.faiss.internal;

import java.util.Arrays;

/**
 * A block of {@link DistanceKernel#TRANSPOSED_ROWS} stored rows copied component-major, the layout
 * {@link DistanceKernel#dotTransposed} reads; a short last block is padded with zero rows. Copying
 * costs one pass over the block, which a batch of queries then reads from cache many times.
 */
public final class TransposedBlock {
  /** Rows per block. */
  public static final int ROWS = DistanceKernel.TRANSPOSED_ROWS;

  private final int dimension;
  private final float[][] data;

  /** Creates a block for vectors of {@code dimension} floats. */
  public TransposedBlock(int dimension) {
    this.dimension = dimension;
    this.data = new float[dimension][ROWS];
  }

  /** Copies {@code n <= ROWS} row-major rows from {@code src} starting at {@code off}. */
  public void fill(float[] src, int off, int n) {
    int d = dimension;
    for (int r = 0; r < n; r++) {
      int from = off + r * d;
      for (int i = 0; i < d; i++) {
        data[i][r] = src[from + i];
      }
    }
    if (n < ROWS) {
      for (int i = 0; i < d; i++) {
        Arrays.fill(data[i], n, ROWS, 0f);
      }
    }
  }

  /** Returns the components: {@code array()[i][r]} is component {@code i} of row {@code r}. */
  public float[][] array() {
    return data;
  }
}
