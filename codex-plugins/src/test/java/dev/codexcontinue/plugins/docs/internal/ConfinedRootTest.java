package dev.codexcontinue.plugins.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RELIABILITY 19: every denied and allowed case of the file confinement. */
final class ConfinedRootTest {
  @TempDir Path base;
  private Path rootDir;
  private ConfinedRoot root;

  @BeforeEach
  void createTree() throws IOException {
    rootDir = Files.createDirectory(base.resolve("root"));
    Files.createDirectories(rootDir.resolve("docs"));
    Files.createDirectories(rootDir.resolve("a"));
    Files.writeString(rootDir.resolve("docs/a.md"), "# A\n");
    Files.createDirectories(base.resolve("root_evil"));
    Files.writeString(base.resolve("root_evil/x"), "evil");
    Path outside = Files.createDirectories(base.resolve("outside"));
    Files.createSymbolicLink(rootDir.resolve("link"), Path.of("/etc"));
    Files.createSymbolicLink(rootDir.resolve("escdir"), outside);
    Files.createSymbolicLink(rootDir.resolve("inner"), rootDir.resolve("docs"));
    Files.createSymbolicLink(rootDir.resolve("dangling"), base.resolve("gone"));
    root = ConfinedRoot.of(rootDir);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../../etc/passwd",
        "/etc/passwd",
        "a/../../x",
        "link/passwd",
        "escdir/new.txt",
        "escdir",
        "../root_evil/x",
        "a\u0000b",
        "f.txt:ads",
        "C:\\Windows\\win.ini",
        "con.txt",
        "docs/NUL",
        "aux",
        "COM1.md",
        "dangling",
        "dangling/new.txt",
        "docs/a\nb.md",
        "..",
        "/"
      })
  void resolve_hostilePath_isDenied(String input) {
    assertThatThrownBy(() -> root.resolve(input)).isInstanceOf(PathDeniedException.class);
  }

  @Test
  void resolve_prefixSibling_isDeniedComponentWise() throws Exception {
    Path sibling = base.resolve("root_evil/x").toRealPath();
    assertThat(sibling.toString()).startsWith(rootDir.toRealPath().toString());
    assertThatThrownBy(() -> root.resolve(sibling.toString()))
        .isInstanceOf(PathDeniedException.class)
        .hasMessageContaining("outside the root");
  }

  @Test
  void resolve_fileInsideTheRoot_isAllowed() throws Exception {
    assertThat(root.resolve("docs/a.md")).isEqualTo(rootDir.toRealPath().resolve("docs/a.md"));
    assertThat(root.resolve("./docs//a.md")).isEqualTo(rootDir.toRealPath().resolve("docs/a.md"));
    assertThat(root.resolve("a/../docs/a.md")).isEqualTo(rootDir.toRealPath().resolve("docs/a.md"));
  }

  @Test
  void resolve_absolutePathInsideTheRoot_isAllowed() throws Exception {
    Path file = rootDir.toRealPath().resolve("docs/a.md");
    assertThat(root.resolve(file.toString())).isEqualTo(file);
  }

  @Test
  void resolve_emptyOrDot_isTheRoot() throws Exception {
    assertThat(root.resolve("")).isEqualTo(rootDir.toRealPath());
    assertThat(root.resolve(".")).isEqualTo(rootDir.toRealPath());
    assertThat(root.relative(root.resolve("."))).isEqualTo(".");
  }

  @Test
  void resolve_pathNotYetExisting_resolvesItsNearestAncestor() throws Exception {
    assertThat(root.resolve("docs/new/deep.md"))
        .isEqualTo(rootDir.toRealPath().resolve("docs/new/deep.md"));
  }

  @Test
  void resolve_linkInsideTheRootToInside_followsTheLink() throws Exception {
    assertThat(root.resolve("inner/a.md")).isEqualTo(rootDir.toRealPath().resolve("docs/a.md"));
    assertThat(root.relative(root.resolve("inner/a.md"))).isEqualTo("docs/a.md");
  }

  @Test
  void of_missingOrFile_isRejected() throws Exception {
    assertThatThrownBy(() -> ConfinedRoot.of(base.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConfinedRoot.of(rootDir.resolve("docs/a.md")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resolve_overlongPath_isDenied() {
    assertThatThrownBy(() -> root.resolve("a/".repeat(3000)))
        .isInstanceOf(PathDeniedException.class)
        .hasMessageContaining("longer");
  }
}
