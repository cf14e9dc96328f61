package dev.codexcontinue.memory.pgvector;

/** pgvector's text form of a vector, {@code [1,2.5,-3E-7]}, both ways. */
final class PgVectors {
  private PgVectors() {}

  static String format(float[] vector) {
    StringBuilder text = new StringBuilder(vector.length * 12 + 2).append('[');
    for (int i = 0; i < vector.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(vector[i]);
    }
    return text.append(']').toString();
  }

  /**
   * Parses pgvector's output; its shortest round-trip decimals give back the exact floats.
   *
   * @throws IllegalArgumentException when the text is not a vector
   */
  static float[] parse(String text) {
    String body = text.strip();
    if (body.length() < 2 || body.charAt(0) != '[' || body.charAt(body.length() - 1) != ']') {
      throw new IllegalArgumentException("not a pgvector value");
    }
    body = body.substring(1, body.length() - 1);
    if (body.isBlank()) {
      return new float[0];
    }
    String[] parts = body.split(",", -1);
    float[] vector = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      vector[i] = Float.parseFloat(parts[i].strip());
    }
    return vector;
  }
}
