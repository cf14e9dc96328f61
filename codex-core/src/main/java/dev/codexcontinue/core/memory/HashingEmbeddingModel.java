package dev.codexcontinue.core.memory;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.core.memory.internal.Murmur3;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An offline {@link EmbeddingModel}: feature hashing of words, word pairs and character n-grams
 * into a fixed number of dimensions. It needs no model and no server, so that memory search and
 * tool matching work with no LLM at all; texts that share words (or word pieces: {@code files} and
 * {@code file}) come out close, unrelated texts near orthogonal. It knows no synonyms.
 *
 * <p>How a text becomes a vector: it is split into words (runs of letters and digits, also split
 * where camelCase changes case, so {@code readFile} is {@code read file}) and lower-cased. The
 * features are each word, each pair of adjacent words, and the character 3-, 4- and 5-grams (with
 * boundary marks) of each word of four or more characters. Each feature adds {@code weight x (1 +
 * ln tf)} to one dimension, with a sign, both chosen by a MurmurHash3 of the feature's UTF-8 bytes;
 * the vector is then scaled to length 1. The commonest English function words ({@code the}, {@code
 * and}, {@code of}...) weigh a fifth of other words. A text with no letters or digits gives the
 * zero vector.
 *
 * <p>Deterministic: the same text gives the same vector on every JVM and every run. Thread-safe and
 * stateless.
 */
public final class HashingEmbeddingModel implements EmbeddingModel {
  /** The default number of dimensions. */
  public static final int DEFAULT_DIMENSIONS = 512;

  /** The largest number of dimensions accepted. */
  public static final int MAX_DIMENSIONS = 1 << 16;

  private static final int BUCKET_SEED = 0;
  private static final int SIGN_SEED = 0x9747b28c;
  private static final double WORD_WEIGHT = 1.0;
  private static final double PAIR_WEIGHT = 0.7;
  // A word has about three n-grams per letter: a small weight keeps them from drowning the words.
  private static final double NGRAM_WEIGHT = 0.35;
  private static final int MIN_NGRAM = 3;
  private static final int MAX_NGRAM = 5;
  // Pieces of short words ("the", "in") say nothing the word does not, and would weigh them up.
  private static final int MIN_NGRAM_WORD = 4;

  // The commonest English function words: they match everywhere, so they count for little.
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "i", "in",
          "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "will",
          "with", "you", "your", "me", "my", "we", "our", "do", "does", "can", "what", "how");
  private static final double STOP_WORD_WEIGHT = 0.2;

  private final int dimensions;

  private HashingEmbeddingModel(int dimensions) {
    this.dimensions = dimensions;
  }

  /** Returns a model of {@value #DEFAULT_DIMENSIONS} dimensions. */
  public static HashingEmbeddingModel create() {
    return new HashingEmbeddingModel(DEFAULT_DIMENSIONS);
  }

  /**
   * Returns a model of {@code dimensions} dimensions.
   *
   * @throws IllegalArgumentException unless {@code 1 <= dimensions <= 65536}
   */
  public static HashingEmbeddingModel create(int dimensions) {
    if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
      throw new IllegalArgumentException(
          "dimensions must be in [1, " + MAX_DIMENSIONS + "], was " + dimensions);
    }
    return new HashingEmbeddingModel(dimensions);
  }

  /** Returns {@code hashing-<dimensions>}, for example {@code hashing-512}. */
  @Override
  public String name() {
    return "hashing-" + dimensions;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    Objects.requireNonNull(texts, "texts == null");
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (String text : texts) {
      vectors.add(embed(text));
    }
    return vectors;
  }

  @Override
  public float[] embed(String text) {
    Objects.requireNonNull(text, "text == null");
    // Insertion order keeps the floating-point sums in one order on every JVM.
    Map<String, Feature> features = new LinkedHashMap<>();
    List<String> words = words(text);
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      double wordWeight = STOP_WORDS.contains(word) ? STOP_WORD_WEIGHT : 1.0;
      add(features, "w\u0000" + word, WORD_WEIGHT * wordWeight);
      if (i > 0) {
        String before = words.get(i - 1);
        double beforeWeight = STOP_WORDS.contains(before) ? STOP_WORD_WEIGHT : 1.0;
        add(features, "p\u0000" + before + ' ' + word, PAIR_WEIGHT * beforeWeight * wordWeight);
      }
      if (word.length() >= MIN_NGRAM_WORD) {
        addNgrams(word, features);
      }
    }
    double[] sums = new double[dimensions];
    for (Map.Entry<String, Feature> entry : features.entrySet()) {
      byte[] bytes = entry.getKey().getBytes(StandardCharsets.UTF_8);
      int hash = Murmur3.hash32(bytes, bytes.length, BUCKET_SEED);
      int bucket = Integer.remainderUnsigned(hash, dimensions);
      boolean negative = (Murmur3.hash32(bytes, bytes.length, SIGN_SEED) & 1) == 1;
      Feature f = entry.getValue();
      double weight = f.weight * (1 + Math.log(f.count));
      sums[bucket] += negative ? -weight : weight;
    }
    return normalized(sums);
  }

  /** A feature's weight and how often it occurs. */
  private static final class Feature {
    private final double weight;
    private int count;

    private Feature(double weight) {
      this.weight = weight;
    }
  }

  private static void add(Map<String, Feature> features, String feature, double weight) {
    features.computeIfAbsent(feature, k -> new Feature(weight)).count++;
  }

  /**
   * Splits into lower-cased runs of letters and digits, also where a lower-case letter or a digit
   * is followed by an upper-case letter ({@code readFile}, {@code v2Api}).
   */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean camelBreak =
          previous >= 0
              && (Character.isLowerCase(previous) || Character.isDigit(previous))
              && Character.isUpperCase(cp);
      if (!Character.isLetterOrDigit(cp) || camelBreak) {
        flush(word, words);
      }
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      }
      previous = cp;
    }
    flush(word, words);
    return words;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }

  private static void addNgrams(String word, Map<String, Feature> features) {
    int[] cps = ("<" + word + ">").codePoints().toArray();
    for (int n = MIN_NGRAM; n <= MAX_NGRAM; n++) {
      for (int start = 0; start + n <= cps.length; start++) {
        add(features, "n\u0000" + new String(cps, start, n), NGRAM_WEIGHT);
      }
    }
  }

  private static float[] normalized(double[] sums) {
    double squares = 0;
    for (double s : sums) {
      squares += s * s;
    }
    float[] vector = new float[sums.length];
    if (squares == 0) {
      return vector;
    }
    double norm = Math.sqrt(squares);
    for (int i = 0; i < sums.length; i++) {
      vector[i] = (float) (sums[i] / norm);
    }
    return vector;
  }

  @Override
  public String toString() {
    return "HashingEmbeddingModel[" + name() + "]";
  }
}
