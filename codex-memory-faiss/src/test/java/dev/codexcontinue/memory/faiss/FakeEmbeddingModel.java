package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.api.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Embeds texts by hashing their words into a fixed number of dimensions; counts its calls. */
final class FakeEmbeddingModel implements EmbeddingModel {
  private final int dimensions;
  final AtomicInteger calls = new AtomicInteger();

  FakeEmbeddingModel(int dimensions) {
    this.dimensions = dimensions;
  }

  @Override
  public String name() {
    return "fake-hashing-" + dimensions;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    calls.incrementAndGet();
    List<float[]> out = new ArrayList<>();
    for (String t : texts) {
      float[] v = new float[dimensions];
      for (String word : t.toLowerCase(Locale.ROOT).split("\\W+")) {
        if (!word.isEmpty()) {
          v[Math.floorMod(word.hashCode(), dimensions)] += 1f;
        }
      }
      out.add(v);
    }
    return out;
  }
}
