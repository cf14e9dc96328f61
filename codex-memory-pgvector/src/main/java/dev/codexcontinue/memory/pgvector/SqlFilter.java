package dev.codexcontinue.memory.pgvector;

import dev.codexcontinue.api.memory.MetadataFilter;
import dev.codexcontinue.api.memory.MetadataFilter.And;
import dev.codexcontinue.api.memory.MetadataFilter.Compare;
import dev.codexcontinue.api.memory.MetadataFilter.Eq;
import dev.codexcontinue.api.memory.MetadataFilter.In;
import dev.codexcontinue.api.memory.MetadataFilter.Not;
import dev.codexcontinue.api.memory.MetadataFilter.Or;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates a {@link MetadataFilter} into a SQL condition on the {@code metadata jsonb} column,
 * with its parameters. Equality is jsonb containment ({@code @>}, served by the GIN index; numbers
 * compare by value, so 400 matches 400.0); a comparison casts only values whose JSON type is
 * number, so a string never matches and never fails the cast. Every condition is TRUE or FALSE,
 * never NULL, so {@code NOT} negates exactly.
 */
final class SqlFilter {
  private final StringBuilder sql = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

  private SqlFilter() {}

  static SqlFilter of(MetadataFilter filter) {
    SqlFilter f = new SqlFilter();
    f.append(filter);
    return f;
  }

  String sql() {
    return sql.toString();
  }

  List<Object> params() {
    return List.copyOf(params);
  }

  private void append(MetadataFilter filter) {
    if (filter instanceof Eq eq) {
      contains(eq.key(), eq.value());
    } else if (filter instanceof In in) {
      if (in.values().isEmpty()) {
        sql.append("FALSE");
        return;
      }
      sql.append('(');
      for (int i = 0; i < in.values().size(); i++) {
        sql.append(i == 0 ? "" : " OR ");
        contains(in.key(), in.values().get(i));
      }
      sql.append(')');
    } else if (filter instanceof Compare c) {
      sql.append(
              "(CASE WHEN jsonb_typeof(metadata -> ?) = 'number' THEN (metadata ->> ?)::numeric ")
          .append(operator(c.op()))
          .append(" ? ELSE FALSE END)");
      params.add(c.key());
      params.add(c.key());
      params.add(new BigDecimal(c.bound().toString()));
    } else if (filter instanceof And and) {
      join(and.filters(), " AND ", "TRUE");
    } else if (filter instanceof Or or) {
      join(or.filters(), " OR ", "FALSE");
    } else if (filter instanceof Not not) {
      sql.append("(NOT ");
      append(not.filter());
      sql.append(')');
    } else {
      throw new IllegalArgumentException("unknown filter " + filter.getClass().getName());
    }
  }

  private void contains(String key, Object value) {
    sql.append("metadata @> ?::jsonb");
    params.add(MetadataJson.write(Map.of(key, value)));
  }

  private void join(List<MetadataFilter> filters, String operator, String empty) {
    if (filters.isEmpty()) {
      sql.append(empty);
      return;
    }
    sql.append('(');
    for (int i = 0; i < filters.size(); i++) {
      sql.append(i == 0 ? "" : operator);
      append(filters.get(i));
    }
    sql.append(')');
  }

  private static String operator(Compare.Op op) {
    return switch (op) {
      case GT -> ">";
      case GTE -> ">=";
      case LT -> "<";
      case LTE -> "<=";
    };
  }
}
