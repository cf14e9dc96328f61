package dev.codexcontinue.provider.tabby;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Tabby wire fixture is named by some test of this module, so none is left unexercised. */
final class FixtureCoverageTest {
  @Test
  void everyFixture_isUsedByATest() throws IOException {
    Path fixtures = Path.of("src/test/resources/fixtures/tabby");
    Path tests = Path.of("src/test/java/dev/codexcontinue/provider/tabby");
    String sources;
    try (Stream<Path> files = Files.list(tests)) {
      sources =
          files
              .filter(p -> !p.getFileName().toString().equals("FixtureCoverageTest.java"))
              .map(FixtureCoverageTest::read)
              .collect(Collectors.joining("\n"));
    }
    List<String> names;
    try (Stream<Path> files = Files.list(fixtures)) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }

    assertThat(names).as("the fixtures of shared/protocols/tabby/examples").hasSize(21);
    assertThat(names).allSatisfy(name -> assertThat(sources).contains("\"" + name + "\""));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
