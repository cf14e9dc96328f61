package dev.codexcontinue.memory.faiss.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The kernel in use is the one the JVM's modules call for, and both kernels compute the same
 * distances. Surefire runs this class twice: with {@code --add-modules jdk.incubator.vector} and
 * without.
 */
final class DistanceKernelTest {
  private static final DistanceKernel SCALAR = Kernels.scalar();
  private static final DistanceKernel VECTOR = Kernels.vectorApiOrScalar();

  @Test
  void active_matchesTheModulesOfThisJvm() {
    String expected = System.getProperty("codex.faiss.expectedKernel", "");
    String active = Kernels.active().name();
    if (expected.equals("scalar")) {
      assertThat(active).isEqualTo("scalar");
      assertThat(Kernels.isVectorApiAvailable()).isFalse();
    } else if (expected.equals("vector-api")) {
      assertThat(active).startsWith("vector-api-");
      assertThat(Kernels.isVectorApiAvailable()).isTrue();
    } else {
      assertThat(active).isEqualTo(Kernels.isVectorApiAvailable() ? VECTOR.name() : "scalar");
    }
  }

  @Test
  void dotAndL2_everyLengthAndOffset_vectorAndScalarAgree() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int d = 1; d <= 130; d++) {
      float[] a = random(rng, d + 5);
      float[] b = random(rng, d + 9);
      int aOff = d % 5;
      int bOff = d % 9;
      assertClose(VECTOR.dot(a, aOff, b, bOff, d), exactDot(a, aOff, b, bOff, d), d);
      assertClose(SCALAR.dot(a, aOff, b, bOff, d), exactDot(a, aOff, b, bOff, d), d);
      assertClose(VECTOR.l2(a, aOff, b, bOff, d), exactL2(a, aOff, b, bOff, d), d);
      assertClose(SCALAR.l2(a, aOff, b, bOff, d), exactL2(a, aOff, b, bOff, d), d);
    }
  }

  @Test
  void manyRows_matchOneByOne() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int d : new int[] {3, 16, 32, 100, 384}) {
      int rows = 37;
      float[] q = random(rng, d);
      float[] data = random(rng, rows * d + 2 * d);
      float[] dots = new float[rows];
      float[] l2s = new float[rows];
      for (DistanceKernel k : new DistanceKernel[] {SCALAR, VECTOR}) {
        k.dotMany(q, data, d, rows, d, dots);
        k.l2Many(q, data, d, rows, d, l2s);
        for (int r = 0; r < rows; r++) {
          assertClose(dots[r], exactDot(q, 0, data, d + r * d, d), d);
          assertClose(l2s[r], exactL2(q, 0, data, d + r * d, d), d);
        }
      }
    }
  }

  @Test
  void transposedBlock_everyQueryCountAndPaddedRows_matchExactSums() {
    SplittableRandom rng = new SplittableRandom(13);
    for (int d : new int[] {1, 7, 128, 384}) {
      for (int nq : new int[] {1, 2, 3, 8}) {
        int n = 50; // fewer rows than the block: the rest is zero padding
        float[] data = random(rng, n * d);
        float[][] queries = new float[nq][];
        for (int q = 0; q < nq; q++) {
          queries[q] = random(rng, d);
        }
        TransposedBlock block = new TransposedBlock(d);
        block.fill(data, 0, n);
        int rows = TransposedBlock.ROWS;
        float[] dots = new float[nq * rows];
        float[] l2s = new float[nq * rows];
        for (DistanceKernel k : new DistanceKernel[] {SCALAR, VECTOR}) {
          k.dotTransposed(queries, block.array(), rows, d, dots);
          k.l2Transposed(queries, block.array(), rows, d, l2s);
          for (int q = 0; q < nq; q++) {
            for (int r = 0; r < n; r++) {
              assertClose(dots[q * rows + r], exactDot(queries[q], 0, data, r * d, d), d);
              assertClose(l2s[q * rows + r], exactL2(queries[q], 0, data, r * d, d), d);
            }
            assertThat(dots[q * rows + n]).isZero();
          }
        }
      }
    }
  }

  private static void assertClose(float got, double exact, int d) {
    assertThat((double) got).isCloseTo(exact, within(1e-5 * d + 1e-5 * Math.abs(exact)));
  }

  private static float[] random(SplittableRandom rng, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return v;
  }

  private static double exactDot(float[] a, int ao, float[] b, int bo, int d) {
    double s = 0;
    for (int i = 0; i < d; i++) {
      s += (double) a[ao + i] * b[bo + i];
    }
    return s;
  }

  private static double exactL2(float[] a, int ao, float[] b, int bo, int d) {
    double s = 0;
    for (int i = 0; i < d; i++) {
      double t = (double) a[ao + i] - b[bo + i];
      s += t * t;
    }
    return s;
  }
}
