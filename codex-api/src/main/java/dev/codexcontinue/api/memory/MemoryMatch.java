package dev.codexcontinue.api.memory;

import java.util.Objects;

/**
 * A search hit: the record and its similarity score, higher meaning closer. For cosine similarity
 * the score lies in [-1, 1]; stores document their metric.
 *
 * @param record the record found
 * @param score its similarity to the query
 */
public record MemoryMatch(MemoryRecord record, double score) {
  /** Checks the components. */
  public MemoryMatch {
    Objects.requireNonNull(record, "record == null");
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score is NaN");
    }
  }
}
