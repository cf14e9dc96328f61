package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.memory.faiss.internal.FaissInput;
import dev.codexcontinue.memory.faiss.internal.FaissOutput;
import dev.codexcontinue.memory.faiss.internal.Kernels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes FAISS index files. Files written by FAISS ({@code faiss.write_index}) load here
 * and give the same search results; files written here load in FAISS.
 *
 * <pre>{@code
 * VectorIndex index = FaissIndexes.read(Path.of("vectors.faissindex"));
 * SearchResult hits = index.search(query, 10);
 * FaissIndexes.write(index, Path.of("copy.faissindex"));
 * }</pre>
 *
 * <p>Supported types: {@code IxF2}, {@code IxFI} ({@link FlatIndex}), {@code IHNf} ({@link
 * HnswIndex}), {@code IxMp}, {@code IxM2} ({@link IdMapIndex}) and {@code IwFl} ({@link
 * IvfFlatIndex}, read and written back, not grown). Other types fail with a {@link
 * FaissFormatException} naming their tag.
 */
public final class FaissIndexes {
  private static final Logger log = LoggerFactory.getLogger(FaissIndexes.class);

  private FaissIndexes() {}

  /**
   * Reads the index in {@code file}. The file is memory-mapped (in chunks below 2 GiB) and parsed
   * straight into the index's arrays, never copied onto the heap whole; the load time is logged at
   * DEBUG.
   *
   * @throws FaissFormatException when the file is malformed, truncated or of another type
   * @throws MemoryStoreException when the file cannot be read
   */
  public static VectorIndex read(Path file) {
    Objects.requireNonNull(file, "file == null");
    long start = System.nanoTime();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      VectorIndex index = FaissReader.read(FaissInput.map(ch), file.toString());
      log.debug(
          "read {} {} ({} vectors, {} bytes) in {} ms",
          index.typeTag(),
          file,
          index.size(),
          ch.size(),
          (System.nanoTime() - start) / 1_000_000);
      return index;
    } catch (IOException e) {
      throw new MemoryStoreException("cannot read FAISS index " + file, e);
    }
  }

  /**
   * Reads an index from the bytes of a FAISS file (what {@code faiss.serialize_index} returns).
   *
   * @throws FaissFormatException when the bytes are malformed, truncated or of another type
   */
  public static VectorIndex read(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes == null");
    return FaissReader.read(FaissInput.of(bytes), "<bytes>");
  }

  /** Returns the bytes FAISS's {@code write_index} would write for {@code index}. */
  public static byte[] toBytes(VectorIndex index) {
    Objects.requireNonNull(index, "index == null");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(index, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes {@code index} to {@code out} in FAISS's format; the stream stays open. */
  public static void write(VectorIndex index, OutputStream out) throws IOException {
    Objects.requireNonNull(index, "index == null");
    Objects.requireNonNull(out, "out == null");
    FaissWriter.write(index, new FaissOutput(out));
  }

  /**
   * Writes {@code index} to {@code file} atomically: into a temporary file beside it, forced to
   * disk, then renamed over {@code file}, and the directory synced. A crash leaves either the old
   * file or the new one, never a mix.
   *
   * @throws MemoryStoreException when writing fails (the old file, if any, is intact)
   */
  public static void write(VectorIndex index, Path file) {
    Objects.requireNonNull(index, "index == null");
    Path target = file.toAbsolutePath();
    Path dir = Objects.requireNonNull(target.getParent(), "file has no directory");
    Path tmp = dir.resolve(target.getFileName() + ".tmp");
    try {
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        OutputStream os = Channels.newOutputStream(ch);
        write(index, os);
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(dir);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new MemoryStoreException("cannot write FAISS index " + file, e);
    }
  }

  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; the rename is then as durable as the
      // OS makes it.
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw e;
      }
    }
  }

  /**
   * Returns the name of the distance kernel in use: {@code vector-api-<bits>} when the JVM runs
   * with {@code --add-modules jdk.incubator.vector}, {@code scalar} otherwise.
   */
  public static String kernel() {
    return Kernels.active().name();
  }
}
