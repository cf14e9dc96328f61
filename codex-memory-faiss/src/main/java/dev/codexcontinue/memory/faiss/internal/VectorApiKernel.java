package dev.codexcontinue.memory.faiss.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Distance loops on the incubating Vector API. Loaded reflectively, and only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}.
 *
 * <p>The species is a {@code static final} constant used directly inside every method: passed
 * around as a value, C2 stops intrinsifying the vector operations, the vectors get boxed, and the
 * kernel runs several times slower than the scalar loop.
 */
final class VectorApiKernel implements DistanceKernel {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  /**
   * A scan loads one float of every cache line of the next 8 KiB of rows (at least four rows)
   * before computing them: those loads are independent and issued back to back, so many line fills
   * are in flight at once, where the arithmetic interleaved with them would let only a few be. On
   * the 2-core machine a 1M x 128 scan went from about 55% to 80-95% of a pure read's rate; 24 KiB
   * groups did worse on 384-dimensional rows (75%), 4 KiB no better.
   */
  private static final int TOUCH_FLOATS = 2048;

  private static final int FLOATS_PER_LINE = 16;

  /** Set only when a touched range hashes to one exact value: it keeps the loads alive. */
  @SuppressWarnings("unused")
  private static volatile boolean touchedMarker;

  @Override
  public String name() {
    return "vector-api-" + SPECIES.vectorBitSize();
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int d) {
    int lanes = SPECIES.length();
    int i = 0;
    float sum = 0f;
    if (d >= lanes) {
      FloatVector acc0 = FloatVector.zero(SPECIES);
      FloatVector acc1 = FloatVector.zero(SPECIES);
      for (; i + 2 * lanes <= d; i += 2 * lanes) {
        FloatVector x0 = FloatVector.fromArray(SPECIES, a, aOff + i);
        FloatVector y0 = FloatVector.fromArray(SPECIES, b, bOff + i);
        FloatVector x1 = FloatVector.fromArray(SPECIES, a, aOff + i + lanes);
        FloatVector y1 = FloatVector.fromArray(SPECIES, b, bOff + i + lanes);
        acc0 = x0.fma(y0, acc0);
        acc1 = x1.fma(y1, acc1);
      }
      for (; i + lanes <= d; i += lanes) {
        FloatVector x0 = FloatVector.fromArray(SPECIES, a, aOff + i);
        FloatVector y0 = FloatVector.fromArray(SPECIES, b, bOff + i);
        acc0 = x0.fma(y0, acc0);
      }
      sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    }
    for (; i < d; i++) {
      sum += a[aOff + i] * b[bOff + i];
    }
    return sum;
  }

  @Override
  public float l2(float[] a, int aOff, float[] b, int bOff, int d) {
    int lanes = SPECIES.length();
    int i = 0;
    float sum = 0f;
    if (d >= lanes) {
      FloatVector acc0 = FloatVector.zero(SPECIES);
      FloatVector acc1 = FloatVector.zero(SPECIES);
      for (; i + 2 * lanes <= d; i += 2 * lanes) {
        FloatVector t0 =
            FloatVector.fromArray(SPECIES, a, aOff + i)
                .sub(FloatVector.fromArray(SPECIES, b, bOff + i));
        FloatVector t1 =
            FloatVector.fromArray(SPECIES, a, aOff + i + lanes)
                .sub(FloatVector.fromArray(SPECIES, b, bOff + i + lanes));
        acc0 = t0.fma(t0, acc0);
        acc1 = t1.fma(t1, acc1);
      }
      for (; i + lanes <= d; i += lanes) {
        FloatVector t0 =
            FloatVector.fromArray(SPECIES, a, aOff + i)
                .sub(FloatVector.fromArray(SPECIES, b, bOff + i));
        acc0 = t0.fma(t0, acc0);
      }
      sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    }
    for (; i < d; i++) {
      float t = a[aOff + i] - b[bOff + i];
      sum += t * t;
    }
    return sum;
  }

  @Override
  public void dotMany(float[] q, float[] data, int off, int rows, int d, float[] out) {
    scanRows(false, q, data, off, rows, d, out);
  }

  private static void dotRows(
      float[] q, float[] data, int off, int rows, int d, float[] out, int o) {
    int lanes = SPECIES.length();
    int full = d - d % lanes;
    int r = 0;
    // four rows per pass: four independent FMA chains share each query load
    for (; r + 4 <= rows; r += 4) {
      int b0 = off + r * d;
      int b1 = b0 + d;
      int b2 = b1 + d;
      int b3 = b2 + d;
      FloatVector a0 = FloatVector.zero(SPECIES);
      FloatVector a1 = FloatVector.zero(SPECIES);
      FloatVector a2 = FloatVector.zero(SPECIES);
      FloatVector a3 = FloatVector.zero(SPECIES);
      for (int i = 0; i < full; i += lanes) {
        FloatVector x = FloatVector.fromArray(SPECIES, q, i);
        a0 = x.fma(FloatVector.fromArray(SPECIES, data, b0 + i), a0);
        a1 = x.fma(FloatVector.fromArray(SPECIES, data, b1 + i), a1);
        a2 = x.fma(FloatVector.fromArray(SPECIES, data, b2 + i), a2);
        a3 = x.fma(FloatVector.fromArray(SPECIES, data, b3 + i), a3);
      }
      float s0 = a0.reduceLanes(VectorOperators.ADD);
      float s1 = a1.reduceLanes(VectorOperators.ADD);
      float s2 = a2.reduceLanes(VectorOperators.ADD);
      float s3 = a3.reduceLanes(VectorOperators.ADD);
      for (int i = full; i < d; i++) {
        s0 += q[i] * data[b0 + i];
        s1 += q[i] * data[b1 + i];
        s2 += q[i] * data[b2 + i];
        s3 += q[i] * data[b3 + i];
      }
      out[o + r] = s0;
      out[o + r + 1] = s1;
      out[o + r + 2] = s2;
      out[o + r + 3] = s3;
    }
    for (; r < rows; r++) {
      int base = off + r * d;
      FloatVector acc = FloatVector.zero(SPECIES);
      int i = 0;
      for (; i < full; i += lanes) {
        acc =
            FloatVector.fromArray(SPECIES, q, i)
                .fma(FloatVector.fromArray(SPECIES, data, base + i), acc);
      }
      float sum = acc.reduceLanes(VectorOperators.ADD);
      for (; i < d; i++) {
        sum += q[i] * data[base + i];
      }
      out[o + r] = sum;
    }
  }

  @Override
  public void l2Many(float[] q, float[] data, int off, int rows, int d, float[] out) {
    scanRows(true, q, data, off, rows, d, out);
  }

  private static void l2Rows(
      float[] q, float[] data, int off, int rows, int d, float[] out, int o) {
    int lanes = SPECIES.length();
    int full = d - d % lanes;
    int r = 0;
    // four rows per pass, as in dotMany: one chain per row would wait on FMA latency, not memory
    for (; r + 4 <= rows; r += 4) {
      int b0 = off + r * d;
      int b1 = b0 + d;
      int b2 = b1 + d;
      int b3 = b2 + d;
      FloatVector a0 = FloatVector.zero(SPECIES);
      FloatVector a1 = FloatVector.zero(SPECIES);
      FloatVector a2 = FloatVector.zero(SPECIES);
      FloatVector a3 = FloatVector.zero(SPECIES);
      for (int i = 0; i < full; i += lanes) {
        FloatVector x = FloatVector.fromArray(SPECIES, q, i);
        FloatVector t0 = x.sub(FloatVector.fromArray(SPECIES, data, b0 + i));
        FloatVector t1 = x.sub(FloatVector.fromArray(SPECIES, data, b1 + i));
        FloatVector t2 = x.sub(FloatVector.fromArray(SPECIES, data, b2 + i));
        FloatVector t3 = x.sub(FloatVector.fromArray(SPECIES, data, b3 + i));
        a0 = t0.fma(t0, a0);
        a1 = t1.fma(t1, a1);
        a2 = t2.fma(t2, a2);
        a3 = t3.fma(t3, a3);
      }
      float s0 = a0.reduceLanes(VectorOperators.ADD);
      float s1 = a1.reduceLanes(VectorOperators.ADD);
      float s2 = a2.reduceLanes(VectorOperators.ADD);
      float s3 = a3.reduceLanes(VectorOperators.ADD);
      for (int i = full; i < d; i++) {
        float t0 = q[i] - data[b0 + i];
        float t1 = q[i] - data[b1 + i];
        float t2 = q[i] - data[b2 + i];
        float t3 = q[i] - data[b3 + i];
        s0 += t0 * t0;
        s1 += t1 * t1;
        s2 += t2 * t2;
        s3 += t3 * t3;
      }
      out[o + r] = s0;
      out[o + r + 1] = s1;
      out[o + r + 2] = s2;
      out[o + r + 3] = s3;
    }
    for (; r < rows; r++) {
      int base = off + r * d;
      FloatVector acc = FloatVector.zero(SPECIES);
      int i = 0;
      for (; i < full; i += lanes) {
        FloatVector t =
            FloatVector.fromArray(SPECIES, q, i)
                .sub(FloatVector.fromArray(SPECIES, data, base + i));
        acc = t.fma(t, acc);
      }
      float sum = acc.reduceLanes(VectorOperators.ADD);
      for (; i < d; i++) {
        float t = q[i] - data[base + i];
        sum += t * t;
      }
      out[o + r] = sum;
    }
  }

  private static void scanRows(
      boolean l2, float[] q, float[] data, int off, int rows, int d, float[] out) {
    int group = Math.max(4, TOUCH_FLOATS / d);
    for (int g = 0; g < rows; g += group) {
      int n = Math.min(group, rows - g);
      int from = off + g * d;
      touch(data, from, from + n * d);
      if (l2) {
        l2Rows(q, data, from, n, d, out, g);
      } else {
        dotRows(q, data, from, n, d, out, g);
      }
    }
  }

  private static void touch(float[] data, int from, int to) {
    int h = 0;
    for (int k = from; k < to; k += FLOATS_PER_LINE) {
      h ^= Float.floatToRawIntBits(data[k]);
    }
    if (h == 0x7fc0_0001) {
      touchedMarker = true;
    }
  }

  // Transposed blocks: two queries against four vectors of rows per pass, eight accumulators and
  // six live inputs, which fits the 16 registers of AVX2 as well as the 32 of AVX-512. Every
  // component loads four row vectors once for two queries.
  @Override
  public void dotTransposed(float[][] queries, float[][] bt, int rows, int d, float[] out) {
    int lanes = SPECIES.length();
    int nq = queries.length;
    for (int g = 0; g < rows; g += 4 * lanes) {
      for (int q = 0; q < nq; q += 2) {
        // an odd last query is paired with itself and its twin's result dropped
        float[] x = queries[q];
        float[] y = q + 1 < nq ? queries[q + 1] : x;
        FloatVector x0 = FloatVector.zero(SPECIES);
        FloatVector x1 = x0;
        FloatVector x2 = x0;
        FloatVector x3 = x0;
        FloatVector y0 = x0;
        FloatVector y1 = x0;
        FloatVector y2 = x0;
        FloatVector y3 = x0;
        for (int i = 0; i < d; i++) {
          float[] c = bt[i];
          FloatVector b0 = FloatVector.fromArray(SPECIES, c, g);
          FloatVector b1 = FloatVector.fromArray(SPECIES, c, g + lanes);
          FloatVector b2 = FloatVector.fromArray(SPECIES, c, g + 2 * lanes);
          FloatVector b3 = FloatVector.fromArray(SPECIES, c, g + 3 * lanes);
          FloatVector xi = FloatVector.broadcast(SPECIES, x[i]);
          FloatVector yi = FloatVector.broadcast(SPECIES, y[i]);
          x0 = b0.fma(xi, x0);
          x1 = b1.fma(xi, x1);
          x2 = b2.fma(xi, x2);
          x3 = b3.fma(xi, x3);
          y0 = b0.fma(yi, y0);
          y1 = b1.fma(yi, y1);
          y2 = b2.fma(yi, y2);
          y3 = b3.fma(yi, y3);
        }
        store4(out, q * rows + g, lanes, x0, x1, x2, x3);
        if (q + 1 < nq) {
          store4(out, (q + 1) * rows + g, lanes, y0, y1, y2, y3);
        }
      }
    }
  }

  @Override
  public void l2Transposed(float[][] queries, float[][] bt, int rows, int d, float[] out) {
    int lanes = SPECIES.length();
    for (int g = 0; g < rows; g += 4 * lanes) {
      for (int q = 0; q < queries.length; q++) {
        float[] x = queries[q];
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int i = 0; i < d; i++) {
          float[] c = bt[i];
          FloatVector xi = FloatVector.broadcast(SPECIES, x[i]);
          FloatVector t0 = xi.sub(FloatVector.fromArray(SPECIES, c, g));
          FloatVector t1 = xi.sub(FloatVector.fromArray(SPECIES, c, g + lanes));
          FloatVector t2 = xi.sub(FloatVector.fromArray(SPECIES, c, g + 2 * lanes));
          FloatVector t3 = xi.sub(FloatVector.fromArray(SPECIES, c, g + 3 * lanes));
          a0 = t0.fma(t0, a0);
          a1 = t1.fma(t1, a1);
          a2 = t2.fma(t2, a2);
          a3 = t3.fma(t3, a3);
        }
        store4(out, q * rows + g, lanes, a0, a1, a2, a3);
      }
    }
  }

  private static void store4(
      float[] out,
      int at,
      int lanes,
      FloatVector v0,
      FloatVector v1,
      FloatVector v2,
      FloatVector v3) {
    v0.intoArray(out, at);
    v1.intoArray(out, at + lanes);
    v2.intoArray(out, at + 2 * lanes);
    v3.intoArray(out, at + 3 * lanes);
  }
}
