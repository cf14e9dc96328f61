package dev.codexcontinue.api.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MetadataFilterTest {
  private final Map<String, Object> meta =
      MemoryRecord.builder("id", "t")
          .metadata("user", "ada")
          .metadata("time", 100)
          .metadata("score", 0.5)
          .metadata("pinned", true)
          .build()
          .metadata();

  @Test
  void eq_numbersCompareAcrossTypes() {
    assertThat(MetadataFilter.eq("time", 100L).test(meta)).isTrue();
    assertThat(MetadataFilter.eq("time", 100.0).test(meta)).isTrue();
    assertThat(MetadataFilter.eq("user", "bob").test(meta)).isFalse();
    assertThat(MetadataFilter.eq("missing", "x").test(meta)).isFalse();
  }

  @Test
  void comparisons_andBooleanCombinators() {
    assertThat(MetadataFilter.gte("time", 100).test(meta)).isTrue();
    assertThat(MetadataFilter.gt("time", 100).test(meta)).isFalse();
    assertThat(MetadataFilter.lt("score", 1).test(meta)).isTrue();
    assertThat(MetadataFilter.lte("user", 1).test(meta)).isFalse();
    assertThat(
            MetadataFilter.and(
                    MetadataFilter.eq("user", "ada"),
                    MetadataFilter.not(MetadataFilter.eq("pinned", false)))
                .test(meta))
        .isTrue();
    assertThat(MetadataFilter.or().test(meta)).isFalse();
    assertThat(MetadataFilter.ALL.test(meta)).isTrue();
    assertThat(MetadataFilter.in("user", List.of("bob", "ada")).test(meta)).isTrue();
  }

  @Test
  void metadata_unsupportedValue_throws() {
    assertThatThrownBy(() -> MemoryRecord.builder("i", "t").metadata("k", List.of(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MemoryRecord.builder("i", "t").metadata("k", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void record_vectorIsCopiedAndFiniteOnly() {
    float[] v = {1f, 2f};
    MemoryRecord r = MemoryRecord.builder("i", "t").vector(v).build();
    v[0] = 9f;
    assertThat(r.vector()).containsExactly(1f, 2f);
    assertThat(r.toString()).doesNotContain("t,");
    assertThatThrownBy(() -> MemoryRecord.builder("i", "t").vector(new float[] {Float.NaN}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void query_defaultsAndValidation() {
    MemoryQuery q = MemoryQuery.byVector(new float[] {1f}).build();
    assertThat(q.topK()).isEqualTo(5);
    assertThat(q.filter()).isEqualTo(MetadataFilter.ALL);
    assertThatThrownBy(() -> MemoryQuery.byVector(new float[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MemoryQuery.byText("x").topK(2).build().withVector(new float[] {3f}).topK())
        .isEqualTo(2);
  }
}
