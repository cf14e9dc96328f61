package dev.codexcontinue.plugins.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;

/**
 * RELIABILITY 17 (h) and 34: any argv (the input split at newlines) either is refused or runs a
 * read-only command of the allowlist, with shell syntax off. Jazzer's {@code OsCommandInjection}
 * detector watches every process start for its sentinel executable {@code jazze}, and the oracle
 * checks that a command that ran left the workspace unchanged (read-only commands write nothing).
 * Runs its committed seeds ({@code ShellArgvFuzzTestInputs/}) in every build.
 */
@Tag("fuzz")
final class ShellArgvFuzzTest {
  private static final Path WORKSPACE = workspace();
  private static final ShellTool SHELL =
      ShellTool.builder()
          .workspace(WORKSPACE)
          .sandbox(SandboxMode.OFF)
          .timeout(Duration.ofSeconds(1))
          .maxOutputBytes(4096)
          .build();

  @FuzzTest
  void run_anyArgv_isRefusedOrReadOnly(byte[] input) throws IOException {
    List<String> argv =
        Arrays.stream(new String(input, StandardCharsets.UTF_8).split("\n", -1)).limit(16).toList();
    List<String> before = listing();
    try {
      CommandResult result = SHELL.run(argv);
      assertThat(ShellTool.READ_ONLY_COMMANDS).contains(argv.get(0));
      assertThat(result.stdout().length()).isLessThanOrEqualTo(4096);
    } catch (CommandRejectedException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    assertThat(listing()).isEqualTo(before);
  }

  private static List<String> listing() throws IOException {
    try (Stream<Path> files = Files.walk(WORKSPACE)) {
      return files.map(p -> p + ":" + p.toFile().length()).sorted().toList();
    }
  }

  private static Path workspace() {
    try {
      Path dir = Files.createTempDirectory("shell-fuzz");
      dir.toFile().deleteOnExit();
      Files.writeString(dir.resolve("in.txt"), "b\na\nc\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
