package dev.codexcontinue.memory.faiss;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * A FAISS-compatible vector index: vectors of one dimension, searched for their nearest neighbours
 * under one {@link Metric}. Implementations are thread-safe: any number of concurrent searches and
 * one writer at a time (writers wait for searches in progress and block new ones).
 *
 * <p>Labels are row numbers (insertion order, from 0) for plain indexes and the caller's 64-bit ids
 * behind an {@link IdMapIndex}, as in FAISS.
 */
public interface VectorIndex {
  /** Returns the number of floats per vector. */
  int dimension();

  /** Returns the metric distances are measured with. */
  Metric metric();

  /** Returns the number of vectors. */
  long size();

  /**
   * Returns the FAISS type tag this index is written with, such as {@code IxF2} or {@code IHNf}.
   */
  String typeTag();

  /**
   * Appends vectors, given row-major in one array of {@code n * dimension()} floats; they get the
   * next row numbers as labels.
   *
   * @throws IllegalArgumentException when the length is not a multiple of the dimension
   * @throws UnsupportedOperationException for indexes that need explicit ids ({@link IdMapIndex})
   *     or cannot grow ({@link IvfFlatIndex})
   */
  void add(float[] vectors);

  /**
   * Returns the {@code k} nearest neighbours of {@code query}, best first.
   *
   * @throws IllegalArgumentException when the query's length differs from the dimension or k ≤ 0
   */
  default SearchResult search(float[] query, int k) {
    return search(query, k, label -> true);
  }

  /**
   * Returns the {@code k} nearest neighbours of {@code query} among the vectors whose label {@code
   * filter} accepts, best first. Graph indexes still walk through rejected vectors, so a very
   * selective filter may return fewer than {@code k} even when more match.
   */
  SearchResult search(float[] query, int k, LongPredicate filter);

  /** Returns the results of many queries, in order; the same as searching them one by one. */
  default List<SearchResult> search(float[][] queries, int k) {
    Objects.requireNonNull(queries, "queries == null");
    List<SearchResult> results = new ArrayList<>(queries.length);
    for (float[] q : queries) {
      results.add(search(q, k));
    }
    return results;
  }

  /**
   * Returns a copy of the vector with {@code label}.
   *
   * @throws IllegalArgumentException when no vector has that label
   */
  float[] reconstruct(long label);
}
