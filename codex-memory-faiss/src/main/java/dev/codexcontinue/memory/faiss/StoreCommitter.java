package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.memory.faiss.internal.ChecksummedFile;
import dev.codexcontinue.memory.faiss.internal.StorageIo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits one generation the Lucene way: the new, generation-named data files are written and
 * forced, then {@code manifest-N.tmp} is written and forced, renamed atomically to {@code
 * manifest-N}, and the directory is synced. Until that rename the previous generation is the store;
 * after it, the new one. Committed files are never modified.
 */
final class StoreCommitter {
  static final String RECORDS_MAGIC = "CXMR";
  static final String MANIFEST_MAGIC = "CXMF";
  static final String LOCK_FILE = "write.lock";

  private static final Logger log = LoggerFactory.getLogger(StoreCommitter.class);

  private StoreCommitter() {}

  private interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** The store settings a manifest records. */
  record Settings(
      Similarity similarity,
      StoreIndexType type,
      int dimension,
      int hnswM,
      int efConstruction,
      String embeddingModel) {}

  static Manifest commit(Path dir, StorageIo io, long gen, StoreData data, Settings s)
      throws IOException {
    List<Path> written = new ArrayList<>();
    Path manifest = dir.resolve(Manifest.manifestName(gen));
    try {
      Manifest.FileEntry index =
          write(
              io,
              dir,
              Manifest.indexName(gen),
              out -> FaissIndexes.write(data.index, out),
              written);
      byte[] records =
          ChecksummedFile.encode(
              RECORDS_MAGIC,
              s.dimension(),
              data.records.size(),
              StoreCodec.records(data.records.values()));
      Manifest.FileEntry recordsFile =
          write(io, dir, Manifest.recordsName(gen), out -> out.write(records), written);
      Manifest m =
          new Manifest(
              gen,
              s.similarity().settingValue(),
              s.type().settingValue(),
              s.dimension(),
              data.records.size(),
              data.nextLabel,
              s.hnswM(),
              s.efConstruction(),
              s.embeddingModel(),
              List.of(index, recordsFile));
      byte[] bytes =
          ChecksummedFile.encode(
              MANIFEST_MAGIC, s.dimension(), data.records.size(), StoreCodec.manifest(m));
      String tmpName = Manifest.manifestName(gen) + ".tmp";
      write(io, dir, tmpName, out -> out.write(bytes), written);
      written.add(manifest);
      io.atomicMove(dir.resolve(tmpName), manifest);
      io.syncDirectory(dir);
      return m;
    } catch (IOException | RuntimeException e) {
      // Nothing of this generation may survive: with its manifest gone, the previous one rules.
      for (Path p : written) {
        try {
          io.delete(p);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static Manifest.FileEntry write(
      StorageIo io, Path dir, String name, Body body, List<Path> written) throws IOException {
    Path file = dir.resolve(name);
    written.add(file);
    try (StorageIo.Output out = io.create(file)) {
      ChecksummedFile.SummingStream sum = new ChecksummedFile.SummingStream(out);
      body.writeTo(sum);
      out.force();
      return new Manifest.FileEntry(name, sum.size(), sum.crc32c());
    }
  }

  /**
   * Deletes every file of the directory that belongs to neither of the generations in {@code keep}
   * (stray temporary files and abandoned or superseded generations); failures are logged.
   */
  static void cleanup(Path dir, StorageIo io, Set<Long> keep) {
    Set<String> names = new java.util.HashSet<>();
    names.add(LOCK_FILE);
    for (long gen : keep) {
      names.add(Manifest.manifestName(gen));
      names.add(Manifest.indexName(gen));
      names.add(Manifest.recordsName(gen));
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (!names.contains(String.valueOf(p.getFileName())) && isStoreFile(p)) {
          io.delete(p);
        }
      }
    } catch (IOException e) {
      log.warn("could not clean up {}: {}", dir, e.toString());
    }
  }

  private static boolean isStoreFile(Path p) {
    String n = String.valueOf(p.getFileName());
    return n.startsWith("manifest-") || n.startsWith("index-") || n.startsWith("records-");
  }
}
