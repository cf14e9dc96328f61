package dev.codexcontinue.memory.faiss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/** Reads the FAISS fixtures (written by FAISS 1.7.3) from the test resources. */
final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in =
        Objects.requireNonNull(
            Fixtures.class.getResourceAsStream("/fixtures/" + name), "missing fixture " + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String name) {
    try {
      return JSON.readTree(bytes(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads an .fvecs file: per row an int32 dimension then that many float32, little-endian. */
  static float[][] fvecs(String name) {
    ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
    List<float[]> rows = new ArrayList<>();
    while (b.hasRemaining()) {
      float[] row = new float[b.getInt()];
      for (int i = 0; i < row.length; i++) {
        row[i] = b.getFloat();
      }
      rows.add(row);
    }
    return rows.toArray(new float[0][]);
  }

  static float[] flatten(float[][] rows) {
    int d = rows[0].length;
    float[] out = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * d, d);
    }
    return out;
  }

  static long[] idmapIds() {
    JsonNode ids = json("idmap_ids.json");
    long[] out = new long[ids.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.get(i).asLong();
    }
    return out;
  }

  static JsonNode fixture(String file) {
    for (JsonNode f : json("expected.json").get("fixtures")) {
      if (f.get("file").asText().equals(file)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no fixture " + file);
  }

  /** Random vectors, row-major, N(0,1), optionally unit-normalized. */
  static float[] randomVectors(int n, int d, long seed, boolean normalize) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] v = new float[n * d];
    for (int i = 0; i < n; i++) {
      double norm = 0;
      for (int j = 0; j < d; j++) {
        double g = gaussian(rng);
        v[i * d + j] = (float) g;
        norm += g * g;
      }
      if (normalize) {
        float inv = (float) (1 / Math.sqrt(norm));
        for (int j = 0; j < d; j++) {
          v[i * d + j] *= inv;
        }
      }
    }
    return v;
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double w = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
  }

  static float[] row(float[] flat, int d, int i) {
    float[] r = new float[d];
    System.arraycopy(flat, i * d, r, 0, d);
    return r;
  }
}
