package dev.codexcontinue.benchmarks.faiss;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Generates the benchmark data (clustered, unit-normalized) and writes it as .fvecs. */
final class Datasets {
  private Datasets() {}

  /** A mixture of Gaussians around {@code clusters} random centres, each row unit-normalized. */
  static float[] clustered(int n, int d, int clusters, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] centres = new float[clusters * d];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) gaussian(rng);
    }
    float[] v = new float[n * d];
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(clusters);
      double norm = 0;
      for (int j = 0; j < d; j++) {
        double x = centres[c * d + j] + 0.6 * gaussian(rng);
        v[i * d + j] = (float) x;
        norm += x * x;
      }
      float inv = (float) (1 / Math.sqrt(norm));
      for (int j = 0; j < d; j++) {
        v[i * d + j] *= inv;
      }
    }
    return v;
  }

  private static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble()))
        * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  static void writeFvecs(Path file, float[] v, int d) throws IOException {
    int n = v.length / d;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      ByteBuffer row = ByteBuffer.allocate(4 + 4 * d).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        row.clear();
        row.putInt(d);
        for (int j = 0; j < d; j++) {
          row.putFloat(v[i * d + j]);
        }
        out.write(row.array());
      }
    }
  }

  static float[] row(float[] v, int d, int i) {
    float[] r = new float[d];
    System.arraycopy(v, i * d, r, 0, d);
    return r;
  }
}
