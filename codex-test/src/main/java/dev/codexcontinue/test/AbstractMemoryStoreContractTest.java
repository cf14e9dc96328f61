package dev.codexcontinue.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.memory.MetadataFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every long-term {@link MemoryStore} shares, with its default cosine similarity:
 * exact cosine ranking, metadata filters, minimum score, upserts, deletes, embedding of texts,
 * dimension checks and concurrent use. A store's test extends this class and says how to open a
 * fresh, empty store.
 */
public abstract class AbstractMemoryStoreContractTest {
  /** Dimensions of the embedding model the stores are opened with. */
  protected static final int DIMS = 64;

  /** The embedding model the store is opened with, from {@link #newEmbeddingModel}. */
  protected EmbeddingModel model;

  /** The store under test, opened before each test and closed after it. */
  protected MemoryStore store;

  /** Creates the test. */
  protected AbstractMemoryStoreContractTest() {}

  /**
   * Returns an embedding model of {@code dimensions} whose vectors of texts sharing words are close
   * (codex-core's {@code HashingEmbeddingModel} is one).
   */
  protected abstract EmbeddingModel newEmbeddingModel(int dimensions);

  /** Returns a new, empty store of {@link #DIMS} dimensions that embeds with {@code model}. */
  protected abstract MemoryStore newStore(EmbeddingModel model) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    model = newEmbeddingModel(DIMS);
    store = newStore(model);
  }

  @AfterEach
  @SuppressWarnings("NullAway") // null when newStore failed or skipped the test (no server here)
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  /** Returns a vector of {@link #DIMS} dimensions starting with {@code head}, zeros after. */
  protected static float[] vec(float... head) {
    float[] v = new float[DIMS];
    System.arraycopy(head, 0, v, 0, head.length);
    return v;
  }

  /** Returns a record with {@code vector} and metadata given as alternating keys and values. */
  protected static MemoryRecord record(String id, float[] vector, Object... metadata) {
    MemoryRecord.Builder b = MemoryRecord.builder(id, "text of " + id).vector(vector);
    for (int i = 0; i < metadata.length; i += 2) {
      b.metadata((String) metadata[i], metadata[i + 1]);
    }
    return b.build();
  }

  /**
   * Asserts that a stored vector is the added one, up to a positive scale: a cosine store may keep
   * unit vectors (the FAISS store does).
   */
  protected static void assertSameDirection(float[] stored, float[] added) {
    assertThat(stored).hasSameSizeAs(added);
    double dot = 0;
    double s2 = 0;
    double a2 = 0;
    for (int i = 0; i < added.length; i++) {
      dot += (double) stored[i] * added[i];
      s2 += (double) stored[i] * stored[i];
      a2 += (double) added[i] * added[i];
    }
    assertThat(dot / Math.sqrt(s2 * a2)).isCloseTo(1.0, within(1e-6));
  }

  private List<String> ids(MemoryQuery query) {
    return store.search(query).stream().map(m -> m.record().id()).toList();
  }

  private void addCompass() {
    store.add(
        List.of(
            record("east", vec(1, 0)),
            record("north-east", vec(1, 1)),
            record("north", vec(0, 1)),
            record("west", vec(-1, 0))));
  }

  @Test
  void search_byVector_ranksByCosineWithScoresInRange() {
    addCompass();

    List<MemoryMatch> hits = store.search(MemoryQuery.byVector(vec(1, 0)).topK(10).build());

    assertThat(hits)
        .extracting(m -> m.record().id())
        .containsExactly("east", "north-east", "north", "west");
    assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-6));
    assertThat(hits.get(1).score()).isCloseTo(Math.sqrt(0.5), within(1e-6));
    assertThat(hits.get(2).score()).isCloseTo(0.0, within(1e-6));
    assertThat(hits.get(3).score()).isCloseTo(-1.0, within(1e-6));
  }

  @Test
  void search_cosine_ignoresVectorLength() {
    store.add(List.of(record("long", vec(10, 0)), record("short", vec(0.1f, 0.1f))));

    List<MemoryMatch> hits = store.search(MemoryQuery.byVector(vec(3, 0)).build());

    assertThat(hits.get(0).record().id()).isEqualTo("long");
    assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void search_topK_returnsOnlyTheBest() {
    addCompass();

    assertThat(ids(MemoryQuery.byVector(vec(0, 1)).topK(2).build()))
        .containsExactly("north", "north-east");
  }

  @Test
  void search_minScore_dropsWeakerHitsAndKeepsEqualOnes() {
    addCompass();

    assertThat(ids(MemoryQuery.byVector(vec(1, 0)).topK(10).minScore(0.0).build()))
        .containsExactly("east", "north-east", "north");
    assertThat(ids(MemoryQuery.byVector(vec(1, 0)).topK(10).minScore(0.9).build()))
        .containsExactly("east");
  }

  @Test
  void search_equalScores_returnTopKOfTheTiedWithEqualScores() {
    store.add(
        List.of(
            record("b", vec(1, 0)),
            record("c", vec(2, 0)),
            record("a", vec(3, 0)),
            record("off", vec(1, 1))));

    List<MemoryMatch> hits = store.search(MemoryQuery.byVector(vec(1, 0)).topK(2).build());

    assertThat(hits)
        .extracting(m -> m.record().id())
        .isSubsetOf("a", "b", "c")
        .doesNotHaveDuplicates();
    assertThat(hits).allSatisfy(m -> assertThat(m.score()).isCloseTo(1.0, within(1e-6)));
  }

  @Test
  void search_emptyStore_findsNothing() {
    assertThat(store.search(MemoryQuery.byVector(vec(1, 0)).build())).isEmpty();
  }

  @Test
  void search_zeroVector_scoresZero() {
    store.add(record("zero", vec()));

    List<MemoryMatch> hits = store.search(MemoryQuery.byVector(vec(1, 0)).build());

    assertThat(hits).singleElement().satisfies(m -> assertThat(m.score()).isEqualTo(0.0));
  }

  @Test
  void search_filters_eqInRangeAndOrNot() {
    store.add(
        List.of(
            record("a", vec(1, 0), "user", "ada", "time", 100, "pinned", true),
            record("b", vec(1, 0.1f), "user", "bob", "time", 200, "score", 2.5),
            record("c", vec(1, 0.2f), "user", "ada", "time", 300),
            record("d", vec(1, 0.3f), "time", 400.0)));
    MemoryQuery.Builder all = MemoryQuery.byVector(vec(1, 0)).topK(10);

    assertThat(ids(all.filter(MetadataFilter.eq("user", "ada")).build())).containsExactly("a", "c");
    assertThat(ids(all.filter(MetadataFilter.eq("pinned", true)).build())).containsExactly("a");
    assertThat(ids(all.filter(MetadataFilter.eq("time", 400)).build())).containsExactly("d");
    assertThat(ids(all.filter(MetadataFilter.in("user", List.of("bob", "eve"))).build()))
        .containsExactly("b");
    assertThat(
            ids(
                all.filter(
                        MetadataFilter.and(
                            MetadataFilter.gte("time", 200), MetadataFilter.lt("time", 400)))
                    .build()))
        .containsExactly("b", "c");
    assertThat(ids(all.filter(MetadataFilter.gt("score", 2)).build())).containsExactly("b");
    assertThat(ids(all.filter(MetadataFilter.lte("time", 100.5)).build())).containsExactly("a");
    assertThat(
            ids(
                all.filter(
                        MetadataFilter.or(
                            MetadataFilter.eq("user", "bob"), MetadataFilter.gt("time", 350)))
                    .build()))
        .containsExactly("b", "d");
    assertThat(ids(all.filter(MetadataFilter.not(MetadataFilter.eq("user", "ada"))).build()))
        .containsExactly("b", "d");
    assertThat(ids(all.filter(MetadataFilter.eq("missing", "x")).build())).isEmpty();
  }

  @Test
  void add_sameId_replacesRecord() {
    store.add(record("a", vec(1, 0), "v", 1));
    store.add(record("b", vec(0, 1)));
    MemoryRecord replacement = record("a", vec(0, 1), "v", 2);

    store.add(replacement);

    assertThat(store.size()).isEqualTo(2);
    assertThat(store.get("a")).contains(replacement);
    assertThat(ids(MemoryQuery.byVector(vec(1, 0)).topK(10).minScore(0.5).build())).isEmpty();
  }

  @Test
  void get_returnsRecordWithMetadata() {
    MemoryRecord r = record("a", vec(1, 2, 3), "user", "ada", "time", 5L, "ratio", 0.5, "ok", true);
    store.add(r);

    MemoryRecord got = store.get("a").orElseThrow();
    assertThat(got.text()).isEqualTo(r.text());
    assertThat(got.metadata()).isEqualTo(r.metadata());
    assertSameDirection(got.vector(), r.vector());
    assertThat(store.get("nope")).isEmpty();
  }

  @Test
  void delete_byIds_returnsHowManyExisted() {
    addCompass();

    assertThat(store.delete(List.of("east", "west", "nowhere"))).isEqualTo(2);
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.get("east")).isEmpty();
  }

  @Test
  void delete_byFilter_removesOnlyMatches() {
    store.add(
        List.of(
            record("a", vec(1, 0), "session", "s1"),
            record("b", vec(1, 0), "session", "s2"),
            record("c", vec(1, 0), "session", "s1")));

    assertThat(store.delete(MetadataFilter.eq("session", "s1"))).isEqualTo(2);
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.get("b")).isPresent();
  }

  @Test
  void add_recordsWithoutVectors_areEmbeddedAndFoundByText() {
    store.add(
        List.of(
            MemoryRecord.builder("file", "read the file contents").build(),
            MemoryRecord.builder("weather", "weather in Oslo").build(),
            MemoryRecord.builder("mail", "send an email to the team").build()));

    assertThat(store.get("file").orElseThrow().vector()).hasSize(DIMS);
    assertSameDirection(
        store.get("file").orElseThrow().vector(), model.embed("read the file contents"));
    assertThat(ids(MemoryQuery.byText("open and read a file").topK(1).build()))
        .containsExactly("file");
    assertThat(ids(MemoryQuery.byText("What is the weather in Oslo tomorrow?").topK(1).build()))
        .containsExactly("weather");
  }

  @Test
  void dimensionMismatch_throwsAndAddsNothing() {
    MemoryRecord good = record("good", vec(1, 0));
    MemoryRecord bad = MemoryRecord.builder("bad", "x").vector(new float[DIMS + 1]).build();

    assertThatThrownBy(() -> store.add(List.of(good, bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(DIMS + 1))
        .hasMessageContaining(String.valueOf(DIMS));
    assertThat(store.size()).isZero();
    assertThatThrownBy(() -> store.search(MemoryQuery.byVector(new float[3]).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 dimensions");
  }

  @Test
  @Timeout(60)
  void concurrentSearchesDuringWrites_seeConsistentRankings() throws Exception {
    int readers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch started = new CountDownLatch(readers);
    try {
      List<Future<Integer>> searches = new ArrayList<>();
      for (int r = 0; r < readers; r++) {
        searches.add(
            pool.submit(
                () -> {
                  started.countDown();
                  int count = 0;
                  do {
                    List<MemoryMatch> hits =
                        store.search(MemoryQuery.byVector(vec(1, 1)).topK(5).build());
                    assertThat(hits.size()).isLessThanOrEqualTo(5);
                    for (int i = 1; i < hits.size(); i++) {
                      assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
                    }
                    count++;
                  } while (writing.get());
                  return count;
                }));
      }
      Future<?> writer =
          pool.submit(
              () -> {
                started.await();
                for (int batch = 0; batch < 100; batch++) {
                  List<MemoryRecord> records = new ArrayList<>();
                  for (int i = 0; i < 20; i++) {
                    int n = batch * 20 + i;
                    records.add(record("r" + n, vec(1, n % 7, n % 3)));
                  }
                  store.add(records);
                }
                writing.set(false);
                return null;
              });
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Integer> f : searches) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
    assertThat(store.size()).isEqualTo(2_000);
  }

  @Test
  void close_twice_isIdempotent() {
    store.add(record("a", vec(1, 0)));
    store.close();
    store.close();
  }

  @Test
  void nullArguments_throwNpe() {
    assertThatThrownBy(() -> store.add((List<MemoryRecord>) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.search(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.get(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.delete((MetadataFilter) null))
        .isInstanceOf(NullPointerException.class);
  }
}
