package dev.codexcontinue.plugins.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RELIABILITY 19: size cap, binary refusal, and no link followed when the file is opened. */
final class TextFilesTest {
  @TempDir Path dir;
  private ConfinedRoot root;

  @BeforeEach
  void setUp() throws Exception {
    root = ConfinedRoot.of(dir);
  }

  @Test
  void read_utf8Text_returnsTextWithoutBomAndItsHash() throws Exception {
    Files.write(dir.resolve("a.txt"), "\uFEFFhéllo\n".getBytes(StandardCharsets.UTF_8));
    TextFile file = TextFiles.read(root, root.resolve("a.txt"), 1024);
    assertThat(file.text()).isEqualTo("héllo\n");
    assertThat(file.relativePath()).isEqualTo("a.txt");
    assertThat(file.sha256())
        .isEqualTo(TextFiles.sha256("\uFEFFhéllo\n".getBytes(StandardCharsets.UTF_8)))
        .hasSize(64);
  }

  @Test
  void read_fileOverTheCap_isRefused() throws Exception {
    Files.writeString(dir.resolve("big.txt"), "x".repeat(2049));
    assertThatThrownBy(() -> TextFiles.read(root, root.resolve("big.txt"), 2048))
        .isInstanceOf(PathDeniedException.class)
        .hasMessageContaining("2048-byte cap");
    assertThat(TextFiles.read(root, root.resolve("big.txt"), 2049).text()).hasSize(2049);
  }

  @Test
  void read_binaryContent_isRefused() throws Exception {
    Files.write(dir.resolve("zero.bin"), new byte[] {'a', 0, 'b'});
    Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    assertThatThrownBy(() -> TextFiles.read(root, root.resolve("zero.bin"), 1024))
        .isInstanceOf(PathDeniedException.class)
        .hasMessageContaining("binary");
    assertThatThrownBy(() -> TextFiles.read(root, root.resolve("latin1.txt"), 1024))
        .isInstanceOf(PathDeniedException.class)
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void read_directoryOrMissingFile_isRefused() {
    assertThatThrownBy(() -> TextFiles.read(root, root.resolve("."), 1024))
        .isInstanceOf(PathDeniedException.class)
        .hasMessageContaining("directory");
    assertThatThrownBy(() -> TextFiles.read(root, root.resolve("missing.txt"), 1024))
        .isInstanceOf(PathDeniedException.class)
        .hasMessageContaining("no such file");
  }

  @Test
  void read_linkInTheLastComponent_isNotFollowed() throws Exception {
    Path target = Files.writeString(dir.resolve("target.txt"), "t");
    Path link = Files.createSymbolicLink(dir.toRealPath().resolve("link.txt"), target);
    // A path that became a link after the check (here: handed over unresolved) is not opened.
    assertThatThrownBy(() -> TextFiles.read(root, link, 1024))
        .isInstanceOf(PathDeniedException.class)
        .hasMessageContaining("not a regular file");
  }
}
