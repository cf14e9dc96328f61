package dev.codexcontinue.plugins.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class ChunkerTest {
  private final Chunker chunker = new Chunker(5, 2, 4000);

  @Test
  void chunk_markdown_splitsAtHeadingsWithTheirLineRanges() {
    String md = "intro\n# One\ntext 1\n## Two ##\ntext 2\nmore 2\n";
    List<Chunk> chunks = chunker.chunk("guide.md", md);
    assertThat(chunks)
        .containsExactly(
            new Chunk(1, 1, "intro", ""),
            new Chunk(2, 3, "# One\ntext 1", "One"),
            new Chunk(4, 6, "## Two ##\ntext 2\nmore 2", "Two"));
  }

  @Test
  void chunk_markdown_ignoresHeadingsInsideFences() {
    String md = "# Code\n```sh\n# not a heading\n```\n~~~\n# nor this\n~~~\nafter\n";
    List<Chunk> chunks = new Chunker(60, 10, 4000).chunk("a.markdown", md);
    assertThat(chunks)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.heading()).isEqualTo("Code");
              assertThat(c.lineStart()).isEqualTo(1);
              assertThat(c.lineEnd()).isEqualTo(8);
            });
  }

  @Test
  void chunk_code_makesOverlappingWindowsCoveringEveryLine() {
    String code =
        IntStream.rangeClosed(1, 12).mapToObj(i -> "line" + i).collect(Collectors.joining("\n"));
    List<Chunk> chunks = chunker.chunk("Main.java", code);
    assertThat(chunks).extracting(Chunk::lineStart).containsExactly(1, 4, 7, 10);
    assertThat(chunks).extracting(Chunk::lineEnd).containsExactly(5, 8, 11, 12);
    assertThat(chunks.get(1).text()).isEqualTo("line4\nline5\nline6\nline7\nline8");
  }

  @Test
  void chunk_longSectionOfAMarkdownFile_isWindowedToo() {
    String md = "# Big\n" + "x\n".repeat(11);
    List<Chunk> chunks = chunker.chunk("b.md", md);
    assertThat(chunks).hasSize(4).allSatisfy(c -> assertThat(c.heading()).isEqualTo("Big"));
    assertThat(chunks.get(chunks.size() - 1).lineEnd()).isEqualTo(12);
  }

  @Test
  void chunk_longLines_areCutAtTheCharacterCap() {
    Chunker small = new Chunker(10, 0, 100);
    String text = "a".repeat(250) + "\nshort\n" + "b".repeat(50);
    List<Chunk> chunks = small.chunk("min.js", text);
    assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(100));
    assertThat(chunks).extracting(Chunk::lineStart).containsExactly(1, 2);
    assertThat(chunks.get(1).text()).isEqualTo("short\n" + "b".repeat(50));
  }

  @Test
  void chunk_blankText_hasNoChunks() {
    assertThat(chunker.chunk("e.txt", "")).isEmpty();
    assertThat(chunker.chunk("e.md", "\n  \n\n")).isEmpty();
  }

  @Test
  void constructor_badWindow_isRejected() {
    assertThatThrownBy(() -> new Chunker(5, 5, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Chunker(0, 0, 100)).isInstanceOf(IllegalArgumentException.class);
  }
}
