package dev.codexcontinue.memory.faiss;

import java.util.Arrays;
import java.util.Objects;

/**
 * The nearest neighbours of one query, best first: their labels (row numbers, or external ids
 * behind an id map) and FAISS distances (squared L2, or inner product). Holds fewer than {@code k}
 * entries when the index has fewer matching vectors; FAISS pads those places with label -1, this
 * class leaves them out. Immutable.
 */
public final class SearchResult {
  private static final SearchResult EMPTY = new SearchResult(new long[0], new float[0]);

  private final long[] labels;
  private final float[] distances;

  private SearchResult(long[] labels, float[] distances) {
    this.labels = labels;
    this.distances = distances;
  }

  /** Returns a result of copies of {@code labels} and {@code distances}, which must match. */
  public static SearchResult of(long[] labels, float[] distances) {
    Objects.requireNonNull(labels, "labels == null");
    Objects.requireNonNull(distances, "distances == null");
    if (labels.length != distances.length) {
      throw new IllegalArgumentException(
          labels.length + " labels but " + distances.length + " distances");
    }
    return new SearchResult(labels.clone(), distances.clone());
  }

  /** Returns the result with no entries. */
  public static SearchResult empty() {
    return EMPTY;
  }

  static SearchResult wrap(long[] labels, float[] distances) {
    return new SearchResult(labels, distances);
  }

  /** Returns the number of entries. */
  public int size() {
    return labels.length;
  }

  /** Returns the label of entry {@code i}. */
  public long label(int i) {
    return labels[i];
  }

  /** Returns the distance of entry {@code i}. */
  public float distance(int i) {
    return distances[i];
  }

  /** Returns a copy of the labels, best first. */
  public long[] labels() {
    return labels.clone();
  }

  /** Returns a copy of the distances, best first. */
  public float[] distances() {
    return distances.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchResult r
        && Arrays.equals(labels, r.labels)
        && Arrays.equals(distances, r.distances);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(labels) + Arrays.hashCode(distances);
  }

  @Override
  public String toString() {
    return "SearchResult" + Arrays.toString(labels);
  }
}
