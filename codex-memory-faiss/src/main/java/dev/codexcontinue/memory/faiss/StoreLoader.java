package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.api.exception.CorruptStoreException;
import dev.codexcontinue.memory.faiss.internal.ChecksummedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the newest valid generation of a store directory. A generation is valid when its manifest
 * passes its checks, every file it lists has the listed size and CRC32C, the records and the index
 * parse, and they hold exactly the same labels (an id in the index without its record is
 * corruption, not something to skip). Otherwise the previous generation is tried, unless the caller
 * asked for strict opening.
 */
final class StoreLoader {
  private static final Logger log = LoggerFactory.getLogger(StoreLoader.class);

  private StoreLoader() {}

  record Loaded(Manifest manifest, StoreData data) {}

  /** Returns the generations that have a manifest file, newest first. */
  static List<Long> generations(Path dir) throws IOException {
    List<Long> gens = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          p -> {
            long g = Manifest.generationOf(String.valueOf(p.getFileName()));
            if (g >= 0) {
              gens.add(g);
            }
          });
    }
    gens.sort(Comparator.reverseOrder());
    return gens;
  }

  static Optional<Loaded> load(Path dir, boolean strict) throws IOException {
    List<Long> gens = generations(dir);
    CorruptStoreException first = null;
    for (long gen : gens) {
      try {
        return Optional.of(loadGeneration(dir, gen));
      } catch (CorruptStoreException e) {
        if (strict) {
          throw e;
        }
        log.warn(
            "generation {} of {} is damaged, trying the previous one: {}",
            gen,
            dir,
            e.getMessage());
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return Optional.empty();
  }

  static Loaded loadGeneration(Path dir, long gen) throws IOException {
    Path manifestFile = dir.resolve(Manifest.manifestName(gen));
    ChecksummedFile.Contents mc = ChecksummedFile.read(manifestFile, StoreCommitter.MANIFEST_MAGIC);
    Manifest m = StoreCodec.manifest(manifestFile.toString(), mc.payload());
    String name = manifestFile.toString();
    if (m.generation() != gen || m.dimension() != mc.dimension() || m.count() != mc.count()) {
      throw new CorruptStoreException(name, "manifest contents disagree with its header", null);
    }
    Set<String> expected = Set.of(Manifest.indexName(gen), Manifest.recordsName(gen));
    Set<String> listed = new HashSet<>();
    for (Manifest.FileEntry f : m.files()) {
      listed.add(f.name());
    }
    if (!listed.equals(expected)) {
      throw new CorruptStoreException(
          name, "manifest lists " + listed + ", expected " + expected, null);
    }
    for (Manifest.FileEntry f : m.files()) {
      verify(dir.resolve(f.name()), f);
    }
    Path recordsFile = dir.resolve(Manifest.recordsName(gen));
    ChecksummedFile.Contents rc = ChecksummedFile.read(recordsFile, StoreCommitter.RECORDS_MAGIC);
    if (rc.dimension() != m.dimension() || rc.count() != m.count()) {
      throw new CorruptStoreException(
          recordsFile.toString(), "header disagrees with manifest", null);
    }
    List<StoreData.StoredRecord> records = StoreCodec.records(recordsFile.toString(), rc.payload());
    Path indexFile = dir.resolve(Manifest.indexName(gen));
    VectorIndex index = FaissIndexes.read(indexFile);
    StoreData data = lockstep(indexFile.toString(), index, records, m);
    return new Loaded(m, data);
  }

  private static void verify(Path file, Manifest.FileEntry f) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new CorruptStoreException(file.toString(), "missing", null);
    }
    long size = Files.size(file);
    if (size != f.size()) {
      throw new CorruptStoreException(
          file.toString(), "is " + size + " bytes, the manifest says " + f.size(), null);
    }
    if (ChecksummedFile.crc32c(file) != f.crc32c()) {
      throw new CorruptStoreException(file.toString(), "checksum mismatch", null);
    }
  }

  private static StoreData lockstep(
      String file, VectorIndex index, List<StoreData.StoredRecord> records, Manifest m) {
    if (!(index instanceof IdMapIndex map) || !map.isTwoWay()) {
      throw new CorruptStoreException(file, "is " + index.typeTag() + ", expected IxM2", null);
    }
    if (map.dimension() != m.dimension() || map.size() != records.size()) {
      throw new CorruptStoreException(
          file,
          map.size()
              + " vectors of "
              + map.dimension()
              + " dims, manifest says "
              + records.size()
              + " of "
              + m.dimension(),
          null);
    }
    StoreData data = new StoreData(map);
    for (StoreData.StoredRecord r : records) {
      if (data.records.containsKey(r.label()) || data.labels.containsKey(r.id())) {
        throw new CorruptStoreException(file, "duplicate record " + r.id(), null);
      }
      if (!map.contains(r.label())) {
        throw new CorruptStoreException(
            file, "record " + r.id() + " has no vector in the index", null);
      }
      data.put(r);
    }
    long[] ids = map.idsView();
    for (int i = 0; i < records.size(); i++) {
      if (!data.records.containsKey(ids[i])) {
        throw new CorruptStoreException(file, "vector id " + ids[i] + " has no record", null);
      }
    }
    data.nextLabel = Math.max(data.nextLabel, m.nextLabel());
    return data;
  }
}
