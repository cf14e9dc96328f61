package dev.codexcontinue.benchmarks.faiss;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The memory ceiling a scan is compared with: one thread reading a large array as fast as it can
 * (four independent vector sums, no other work). Measured in the same JVM, alternating with the
 * scans, because this machine's bandwidth drifts by a third from one minute to the next. Needs
 * {@code --add-modules jdk.incubator.vector}.
 */
final class ReadBandwidth {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  /** Written with every sum so that the JIT keeps the reads. */
  static float sink;

  private ReadBandwidth() {}

  /** Reads all of {@code a} once; returns the rate in GB/s. */
  static double gbps(float[] a) {
    long t = System.nanoTime();
    int lanes = SPECIES.length();
    FloatVector s0 = FloatVector.zero(SPECIES);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    for (int i = 0; i + 4 * lanes <= a.length; i += 4 * lanes) {
      s0 = s0.add(FloatVector.fromArray(SPECIES, a, i));
      s1 = s1.add(FloatVector.fromArray(SPECIES, a, i + lanes));
      s2 = s2.add(FloatVector.fromArray(SPECIES, a, i + 2 * lanes));
      s3 = s3.add(FloatVector.fromArray(SPECIES, a, i + 3 * lanes));
    }
    sink += s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    return a.length * 4.0 / (System.nanoTime() - t);
  }
}
