package dev.codexcontinue.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Ollama wire example copied into the module is used by a test. */
final class FixtureCoverageTest {
  @Test
  void everyFixture_isNamedByATest() throws IOException {
    Path fixtures = Path.of("src/test/resources/fixtures/ollama");
    Path tests = Path.of("src/test/java");
    List<String> names;
    try (Stream<Path> files = Files.list(fixtures)) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    StringBuilder sources = new StringBuilder();
    try (Stream<Path> files = Files.walk(tests)) {
      for (Path file :
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.getFileName().toString().equals("FixtureCoverageTest.java"))
              .toList()) {
        sources.append(Files.readString(file));
      }
    }

    assertThat(names).hasSize(65);
    assertThat(names).allSatisfy(name -> assertThat(sources).contains("\"" + name + "\""));
  }
}
