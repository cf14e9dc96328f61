package dev.codexcontinue.plugins.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MetadataFilter;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import dev.codexcontinue.core.memory.InMemoryMemoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexing into a MemoryStore: metadata, incremental re-indexing, deletion and retrieval. */
final class DocsIndexerTest {
  @TempDir Path root;
  private final InMemoryMemoryStore store =
      InMemoryMemoryStore.create(HashingEmbeddingModel.create());
  private DocsIndexer indexer;

  @BeforeEach
  void createDocs() throws Exception {
    Files.createDirectories(root.resolve("guide"));
    Files.writeString(
        root.resolve("guide/retries.md"),
        "# Retries\nThe client retries 429 and 5xx responses.\n"
            + "## Backoff\nBackoff doubles from half a second up to eight seconds.\n");
    Files.writeString(root.resolve("guide/install.md"), "# Install\nAdd the Maven dependency.\n");
    Files.writeString(root.resolve("Main.java"), "class Main {\n  void run() {}\n}\n");
    Files.write(root.resolve("image.bin"), new byte[] {1, 0, 2});
    indexer = DocsIndexer.builder().root(root).store(store).chunkLines(2, 1).build();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void index_writesChunksWithSourceLinesAndHash() throws Exception {
    IndexReport report = indexer.index();
    assertThat(report.filesScanned()).isEqualTo(4);
    assertThat(report.filesIndexed()).isEqualTo(3);
    assertThat(report.filesSkipped()).isEqualTo(1);
    assertThat(report.chunksAdded()).isEqualTo((int) store.size());
    MemoryRecord backoff = store.get("docs:guide/retries.md#1").orElseThrow();
    assertThat(backoff.text()).startsWith("## Backoff");
    assertThat(backoff.metadata())
        .containsEntry(DocsIndexer.SOURCE, "guide/retries.md")
        .containsEntry(DocsIndexer.LINE_START, 3L)
        .containsEntry(DocsIndexer.LINE_END, 4L)
        .containsEntry(DocsIndexer.HEADING, "Backoff")
        .containsEntry(DocsIndexer.INDEX, "docs")
        .containsEntry(
            DocsIndexer.SHA256,
            dev.codexcontinue.plugins.docs.internal.TextFiles.sha256(
                Files.readAllBytes(root.resolve("guide/retries.md"))));
    assertThat(store.get("docs:Main.java#0").orElseThrow().metadata())
        .containsEntry(DocsIndexer.LINE_START, 1L)
        .containsEntry(DocsIndexer.LINE_END, 2L)
        .doesNotContainKey(DocsIndexer.HEADING);
  }

  @Test
  void index_again_reindexesOnlyWhatChanged() throws Exception {
    indexer.index();
    long size = store.size();
    IndexReport same = indexer.index();
    assertThat(same.filesIndexed()).isZero();
    assertThat(same.filesUnchanged()).isEqualTo(3);
    assertThat(same.chunksAdded()).isZero();
    assertThat(same.chunksRemoved()).isZero();
    assertThat(store.size()).isEqualTo(size);

    Files.writeString(root.resolve("guide/install.md"), "# Install\nUse Gradle or Maven.\n");
    IndexReport changed = indexer.index();
    assertThat(changed.filesIndexed()).isEqualTo(1);
    assertThat(changed.filesUnchanged()).isEqualTo(2);
    assertThat(store.get("docs:guide/install.md#0").orElseThrow().text()).contains("Gradle");
  }

  @Test
  void index_deletedFile_losesItsChunks() throws Exception {
    indexer.index();
    Files.delete(root.resolve("guide/retries.md"));
    IndexReport report = indexer.index();
    assertThat(report.chunksRemoved()).isEqualTo(2);
    assertThat(store.delete(MetadataFilter.eq(DocsIndexer.SOURCE, "guide/retries.md"))).isZero();
    assertThat(store.get("docs:guide/install.md#0")).isPresent();
  }

  @Test
  void index_fileThatShrinks_keepsNoStaleChunks() throws Exception {
    indexer.index();
    Files.writeString(root.resolve("guide/retries.md"), "# Retries\nNone.\n");
    indexer.index();
    assertThat(store.get("docs:guide/retries.md#1")).isEmpty();
    assertThat(store.get("docs:guide/retries.md#0").orElseThrow().text()).contains("None.");
  }

  @Test
  void index_twoRootsInOneStore_keepTheirOwnChunks(@TempDir Path other) throws Exception {
    Files.writeString(other.resolve("notes.txt"), "other root\n");
    DocsIndexer second = DocsIndexer.builder().root(other).store(store).indexName("notes").build();
    indexer.index();
    second.index();
    indexer.index();
    assertThat(store.get("notes:notes.txt#0")).isPresent();
    assertThat(second.search("other root", 5))
        .allSatisfy(m -> assertThat(m.source()).isEqualTo("notes.txt"));
  }

  @Test
  void search_returnsPassagesWithCitations() {
    indexer.index();
    List<DocsMatch> hits = indexer.search("backoff doubles eight seconds", 2);
    assertThat(hits).isNotEmpty();
    DocsMatch top = hits.get(0);
    assertThat(top.citation()).isEqualTo("guide/retries.md:3-4");
    assertThat(top.heading()).isEqualTo("Backoff");
    assertThat(top.text()).contains("eight seconds");
  }

  @Test
  void refreshIfStale_indexesOnceThenOnlyAfterTheInterval() throws Exception {
    MutableClock clock = new MutableClock();
    DocsIndexer timed =
        DocsIndexer.builder()
            .root(root)
            .store(store)
            .refreshInterval(Duration.ofMinutes(1))
            .clock(clock)
            .build();
    assertThat(timed.refreshIfStale()).isPresent();
    Files.writeString(root.resolve("new.txt"), "fresh\n");
    assertThat(timed.refreshIfStale()).isEmpty();
    clock.now = clock.now.plusSeconds(61);
    Optional<IndexReport> again = timed.refreshIfStale();
    assertThat(again).isPresent();
    assertThat(again.get().filesIndexed()).isEqualTo(1);
  }

  @Test
  void secrets_areMaskedBeforeTheStore() throws Exception {
    String token = "ghp_TEST_abcdefghijklmnop";
    Files.writeString(root.resolve("creds.txt"), "token: " + token + "\n");
    DocsIndexer masking =
        DocsIndexer.builder().root(root).store(store).secrets(List.of(token)).build();
    masking.index();
    assertThat(store.get("docs:creds.txt#0").orElseThrow().text()).isEqualTo("token: ****");
  }

  @Test
  void builder_checksItsInput() {
    assertThatThrownBy(() -> DocsIndexer.builder().store(store).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DocsIndexer.builder().root(root).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DocsIndexer.builder().chunkLines(10, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocsIndexer.builder().indexName(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocsIndexer.builder().maxChunkChars(10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocsIndexer.builder().store(null))
        .isInstanceOf(NullPointerException.class);
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
