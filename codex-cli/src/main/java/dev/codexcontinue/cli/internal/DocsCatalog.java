package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.memory.MetadataFilter;
import dev.codexcontinue.plugins.docs.DocsIndexer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The directories indexed into one store, one index name per directory ({@code docs:/abs/dir}),
 * kept in a small file beside the store so that a search covers every indexed directory and nothing
 * else (chat memories share the store).
 */
final class DocsCatalog {
  static final String PREFIX = "docs:";

  private final Path file;

  DocsCatalog(Path storeDirectory) {
    this.file = storeDirectory.resolveSibling(storeDirectory.getFileName() + ".indexes");
  }

  static String indexName(Path root) {
    return PREFIX + root.toAbsolutePath().normalize();
  }

  /** Returns the root an index name stands for. */
  static Path rootOf(String indexName) {
    return Path.of(indexName.substring(PREFIX.length()));
  }

  List<String> names() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(l -> l.startsWith(PREFIX))
          .distinct()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  void add(String indexName) {
    TreeSet<String> all = new TreeSet<>(names());
    if (!all.add(indexName)) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, all, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Returns the filter selecting every indexed passage; empty when nothing was indexed. */
  Optional<MetadataFilter> filter() {
    List<String> names = names();
    return names.isEmpty()
        ? Optional.empty()
        : Optional.of(MetadataFilter.in(DocsIndexer.INDEX, List.copyOf(names)));
  }
}
