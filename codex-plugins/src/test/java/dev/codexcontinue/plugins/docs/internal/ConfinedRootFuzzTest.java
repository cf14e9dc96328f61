package dev.codexcontinue.plugins.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/**
 * RELIABILITY 19 and 34: for any string, {@link ConfinedRoot#resolve} either denies it or returns a
 * path whose real location (that of its nearest existing ancestor, for a path that does not exist)
 * lies inside the root. The tree holds the hostile shapes: links out of the root, a link to a
 * directory outside, a dangling link and a sibling whose name extends the root's. Runs its
 * committed seeds ({@code ConfinedRootFuzzTestInputs/}) in every build.
 */
@Tag("fuzz")
final class ConfinedRootFuzzTest {
  private static final Path ROOT = tree();
  private static final ConfinedRoot CONFINED = ConfinedRoot.of(ROOT);

  @FuzzTest
  void resolve_anyString_isDeniedOrInsideTheRoot(byte[] input) throws IOException {
    String path = new String(input, StandardCharsets.UTF_8);
    Path resolved;
    try {
      resolved = CONFINED.resolve(path);
    } catch (PathDeniedException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(resolved).startsWithRaw(CONFINED.root());
    assertThat(realLocation(resolved)).startsWithRaw(CONFINED.root());
  }

  private static Path realLocation(Path path) throws IOException {
    Path existing = path;
    while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    return existing.toRealPath().resolve(existing.relativize(path));
  }

  private static Path tree() {
    try {
      Path base = Files.createTempDirectory("confined-fuzz");
      Path root = Files.createDirectories(base.resolve("root"));
      Files.createDirectories(root.resolve("docs/sub"));
      Files.writeString(root.resolve("docs/a.md"), "# a\n");
      Files.createDirectories(base.resolve("root_evil"));
      Path outside = Files.createDirectories(base.resolve("outside"));
      Files.createSymbolicLink(root.resolve("link"), Path.of("/etc"));
      Files.createSymbolicLink(root.resolve("escdir"), outside);
      Files.createSymbolicLink(root.resolve("up"), base);
      Files.createSymbolicLink(root.resolve("dangling"), base.resolve("gone"));
      Files.createSymbolicLink(root.resolve("inner"), root.resolve("docs"));
      return root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
