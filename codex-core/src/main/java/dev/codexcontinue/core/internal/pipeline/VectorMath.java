package dev.codexcontinue.core.internal.pipeline;

/** Embedding helpers shared by the retrieval steps. */
final class VectorMath {
  private VectorMath() {}

  /** Returns the message's embedding, computing it once per turn. */
  static float[] messageVector(TurnContext turn) {
    float[] v = turn.messageVector;
    if (v == null) {
      v = turn.runtime.embeddings().embed(turn.request.message().text());
      turn.messageVector = v;
    }
    return v;
  }

  /** Returns the cosine similarity of two vectors of equal length; 0 when either is zero. */
  static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("dimensions differ: " + a.length + " vs " + b.length);
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
