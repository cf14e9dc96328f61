package dev.codexcontinue.benchmarks.faiss;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads .fvecs files (per row: int32 dimension, then the floats) into one row-major array. */
final class Fvecs {
  private Fvecs() {}

  static float[] read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
      b.order(ByteOrder.LITTLE_ENDIAN);
      int d = b.getInt(0);
      int n = (int) (ch.size() / (4L + 4L * d));
      float[] out = new float[n * d];
      FloatBuffer f = b.asFloatBuffer();
      for (int i = 0; i < n; i++) {
        f.position(i * (d + 1) + 1);
        f.get(out, i * d, d);
      }
      return out;
    }
  }
}
