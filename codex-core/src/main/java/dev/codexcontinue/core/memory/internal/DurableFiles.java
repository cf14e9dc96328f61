package dev.codexcontinue.core.memory.internal;

import dev.codexcontinue.api.exception.CorruptStoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File writes that survive a crash at any instant: whole files replaced through a forced temporary
 * file and an atomic rename, and line appends forced before they count, cutting off a torn last
 * line first.
 */
public final class DurableFiles {
  private static final Logger log = LoggerFactory.getLogger(DurableFiles.class);

  /** The suffix of temporary files; a crash can leave them behind. */
  public static final String TEMP_SUFFIX = ".tmp";

  private DurableFiles() {}

  /**
   * Replaces {@code file} by {@code content}: temporary file, force, atomic rename, force of the
   * directory. A reader sees the old content or the new, never a mix.
   */
  public static void writeAtomically(Path file, byte[] content) throws IOException {
    Path dir = directoryOf(file);
    Path temp = dir.resolve(file.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        writeFully(channel, content);
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Appends {@code lines} (each ended by a newline) to an existing file and forces them to disk.
   * Bytes after the file's last newline are the torn line of an append that never returned: they
   * are cut off first, so that they cannot corrupt the line written after them.
   */
  public static void appendLines(Path file, byte[] lines) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long end = endOfLastLine(channel, file);
      if (end < channel.size()) {
        log.warn(
            "{}: cut off a torn last line ({} bytes) before appending", file, channel.size() - end);
        channel.truncate(end);
      }
      channel.position(end);
      writeFully(channel, lines);
      channel.force(true);
    }
  }

  /** Deletes {@code file} and makes the deletion durable; returns whether it existed. */
  public static boolean delete(Path file) throws IOException {
    boolean existed = Files.deleteIfExists(file);
    if (existed) {
      forceDirectory(directoryOf(file));
    }
    return existed;
  }

  /** Returns the first line of {@code file} without its newline; empty if it has no newline. */
  public static Optional<String> firstLine(Path file) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            line.write(buffer, 0, i);
            return Optional.of(line.toString(StandardCharsets.UTF_8));
          }
        }
        line.write(buffer, 0, n);
      }
    }
    return Optional.empty();
  }

  /** Deletes the temporary files a crash left in {@code dir}. */
  public static void deleteTemporaryFiles(Path dir) throws IOException {
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "*" + TEMP_SUFFIX)) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Returns the offset after the last newline. */
  private static long endOfLastLine(FileChannel channel, Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(4096);
    for (long end = channel.size(); end > 0; ) {
      long start = Math.max(0, end - buffer.capacity());
      buffer.clear().limit((int) (end - start));
      readFully(channel, buffer, start);
      for (int i = buffer.position() - 1; i >= 0; i--) {
        if (buffer.get(i) == '\n') {
          return start + i + 1;
        }
      }
      end = start;
    }
    throw new CorruptStoreException(file.toString(), "line 1: the header is incomplete", null);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long offset)
      throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, offset + buffer.position()) < 0) {
        throw new IOException("file shrank while being read");
      }
    }
  }

  private static void writeFully(FileChannel channel, byte[] content) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(content);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static Path directoryOf(Path file) {
    return Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file has a directory");
  }

  /**
   * Makes a rename, creation or delete durable; file systems that cannot open directories skip it.
   */
  public static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException notSupported) {
      log.debug("cannot force directory {}: {}", dir, notSupported.toString());
    }
  }
}
