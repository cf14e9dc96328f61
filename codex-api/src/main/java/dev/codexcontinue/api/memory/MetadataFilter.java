package dev.codexcontinue.api.memory;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A condition on a record's metadata, for searches and deletes. Stores that filter in memory call
 * {@link #test}; stores backed by a database translate the (sealed, closed) set of forms into their
 * query language. A missing key never matches {@code eq}, {@code in} or a comparison.
 *
 * <pre>{@code
 * MetadataFilter f = MetadataFilter.and(
 *     MetadataFilter.eq(MemoryRecord.USER, "ada"),
 *     MetadataFilter.gte(MemoryRecord.TIME, 1_700_000_000_000L));
 * }</pre>
 */
public sealed interface MetadataFilter {
  /** The filter that matches every record. */
  MetadataFilter ALL = new And(List.of());

  /** Returns whether {@code metadata} satisfies this filter. */
  boolean test(Map<String, Object> metadata);

  /** Returns a filter matching records whose {@code key} equals {@code value}. */
  static MetadataFilter eq(String key, Object value) {
    return new Eq(key, MetadataValues.normalize(value));
  }

  /** Returns a filter matching records whose {@code key} is one of {@code values}. */
  static MetadataFilter in(String key, List<?> values) {
    return new In(key, values.stream().map(MetadataValues::normalize).toList());
  }

  /** Returns a filter matching records whose numeric {@code key} is greater than or equal. */
  static MetadataFilter gte(String key, Number bound) {
    return new Compare(key, Compare.Op.GTE, (Number) MetadataValues.normalize(bound));
  }

  /** Returns a filter matching records whose numeric {@code key} is strictly greater. */
  static MetadataFilter gt(String key, Number bound) {
    return new Compare(key, Compare.Op.GT, (Number) MetadataValues.normalize(bound));
  }

  /** Returns a filter matching records whose numeric {@code key} is less than or equal. */
  static MetadataFilter lte(String key, Number bound) {
    return new Compare(key, Compare.Op.LTE, (Number) MetadataValues.normalize(bound));
  }

  /** Returns a filter matching records whose numeric {@code key} is strictly less. */
  static MetadataFilter lt(String key, Number bound) {
    return new Compare(key, Compare.Op.LT, (Number) MetadataValues.normalize(bound));
  }

  /** Returns a filter matching records that match every one of {@code filters}. */
  static MetadataFilter and(MetadataFilter... filters) {
    return new And(List.of(filters));
  }

  /** Returns a filter matching records that match any of {@code filters}. */
  static MetadataFilter or(MetadataFilter... filters) {
    return new Or(List.of(filters));
  }

  /** Returns a filter matching records that do not match {@code filter}. */
  static MetadataFilter not(MetadataFilter filter) {
    return new Not(filter);
  }

  /**
   * Equality on one key.
   *
   * @param key the metadata key
   * @param value the normalised value
   */
  record Eq(String key, Object value) implements MetadataFilter {
    /** Checks the components. */
    public Eq {
      Objects.requireNonNull(key, "key == null");
      value = MetadataValues.normalize(value);
    }

    @Override
    public boolean test(Map<String, Object> metadata) {
      Object v = metadata.get(key);
      return v != null && MetadataValues.same(v, value);
    }
  }

  /**
   * Membership in a set of values.
   *
   * @param key the metadata key
   * @param values the normalised values
   */
  record In(String key, List<Object> values) implements MetadataFilter {
    /** Checks the components. */
    public In {
      Objects.requireNonNull(key, "key == null");
      values = values.stream().map(MetadataValues::normalize).toList();
    }

    @Override
    public boolean test(Map<String, Object> metadata) {
      Object v = metadata.get(key);
      return v != null && values.stream().anyMatch(x -> MetadataValues.same(v, x));
    }
  }

  /**
   * A numeric comparison; a non-numeric value never matches.
   *
   * @param key the metadata key
   * @param op the comparison
   * @param bound the normalised bound
   */
  record Compare(String key, Op op, Number bound) implements MetadataFilter {
    /** The comparison operators. */
    public enum Op {
      /** Greater than. */
      GT,
      /** Greater than or equal. */
      GTE,
      /** Less than. */
      LT,
      /** Less than or equal. */
      LTE
    }

    /** Checks the components. */
    public Compare {
      Objects.requireNonNull(key, "key == null");
      Objects.requireNonNull(op, "op == null");
      bound = (Number) MetadataValues.normalize(bound);
    }

    @Override
    public boolean test(Map<String, Object> metadata) {
      Object v = metadata.get(key);
      if (!(v instanceof Number number)) {
        return false;
      }
      int c = MetadataValues.compare(number, bound);
      return switch (op) {
        case GT -> c > 0;
        case GTE -> c >= 0;
        case LT -> c < 0;
        case LTE -> c <= 0;
      };
    }
  }

  /**
   * Conjunction; empty matches everything.
   *
   * @param filters the filters that must all match
   */
  record And(List<MetadataFilter> filters) implements MetadataFilter {
    /** Copies the list. */
    public And {
      filters = List.copyOf(filters);
    }

    @Override
    public boolean test(Map<String, Object> metadata) {
      return filters.stream().allMatch(f -> f.test(metadata));
    }
  }

  /**
   * Disjunction; empty matches nothing.
   *
   * @param filters the filters of which one must match
   */
  record Or(List<MetadataFilter> filters) implements MetadataFilter {
    /** Copies the list. */
    public Or {
      filters = List.copyOf(filters);
    }

    @Override
    public boolean test(Map<String, Object> metadata) {
      return filters.stream().anyMatch(f -> f.test(metadata));
    }
  }

  /**
   * Negation.
   *
   * @param filter the filter that must not match
   */
  record Not(MetadataFilter filter) implements MetadataFilter {
    /** Checks the component. */
    public Not {
      Objects.requireNonNull(filter, "filter == null");
    }

    @Override
    public boolean test(Map<String, Object> metadata) {
      return !filter.test(metadata);
    }
  }
}
