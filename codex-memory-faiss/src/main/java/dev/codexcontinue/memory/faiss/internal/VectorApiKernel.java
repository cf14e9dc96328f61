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
      out[r] = s0;
      out[r + 1] = s1;
      out[r + 2] = s2;
      out[r + 3] = s3;
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
      out[r] = sum;
    }
  }

  @Override
  public void l2Many(float[] q, float[] data, int off, int rows, int d, float[] out) {
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
      out[r] = s0;
      out[r + 1] = s1;
      out[r + 2] = s2;
      out[r + 3] = s3;
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
      out[r] = sum;
    }
  }
}
