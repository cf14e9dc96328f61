package dev.codexcontinue.core.log.internal;

import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.core.log.CorruptLogException;
import dev.codexcontinue.core.log.LogLockedException;
import dev.codexcontinue.core.memory.internal.DurableFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one agent's log as its writer sees them: the lock that makes it the only writer, and
 * the recovery that leaves a chain of valid segments to append to.
 */
public final class LogFiles {
  private static final Logger log = LoggerFactory.getLogger(LogFiles.class);
  private static final String LOCK_FILE = ".lock";

  private final Path directory;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final List<Path> quarantined = new ArrayList<>();
  private long nextSeq = 1;
  private long truncatedBytes;
  @Nullable private Path activeFile;

  private LogFiles(Path directory, FileChannel lockChannel, FileLock lock) {
    this.directory = directory;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Locks {@code directory} for writing and recovers its segments.
   *
   * @throws LogLockedException when another writer holds the lock
   * @throws CorruptLogException when a strict open finds damage
   */
  public static LogFiles open(Path directory, boolean lenient) {
    Path dir = directory.toAbsolutePath().normalize();
    FileChannel channel = null;
    LogFiles files = null;
    try {
      Files.createDirectories(dir);
      channel =
          FileChannel.open(
              dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        throw new LogLockedException("the conversation log " + dir + " is open in this JVM");
      }
      if (lock == null) {
        throw new LogLockedException("the conversation log " + dir + " is open in another process");
      }
      files = new LogFiles(dir, channel, lock);
      files.recover(lenient);
      return files;
    } catch (IOException | RuntimeException e) {
      if (files != null) {
        files.releaseLock();
      } else if (channel != null) {
        try {
          channel.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new MemoryStoreException("cannot open the conversation log " + dir, e);
    }
  }

  private void recover(boolean lenient) throws IOException {
    List<Segments.Segment> segments =
        Segments.list(directory).stream().filter(s -> !s.quarantined()).toList();
    for (int i = 0; i < segments.size(); i++) {
      Segments.Segment segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      activeFile = null;
      if (segment.firstSeq() < nextSeq) {
        damaged(
            segment,
            new CorruptLogException(
                segment.file().toString(),
                segment.firstSeq(),
                "segment overlaps the one before it (next expected " + nextSeq + ")",
                null),
            lenient);
        continue;
      }
      SegmentScanner.Result scan = SegmentScanner.scan(segment.file(), segment.firstSeq(), null);
      CorruptLogException damage = scan.corruption();
      if (damage == null && scan.tornBytes() > 0 && !last) {
        damaged(
            segment,
            new CorruptLogException(
                segment.file().toString(),
                scan.lastSeq() + 1,
                "a sealed segment ends in a partial record",
                null),
            lenient);
        nextSeq = scan.lastSeq() + 1;
        continue;
      }
      if (damage != null) {
        damaged(segment, damage, lenient);
        nextSeq = scan.lastSeq() + 1;
        continue;
      }
      if (scan.tornBytes() > 0) {
        truncate(segment.file(), scan.validEnd(), scan.tornBytes());
      }
      nextSeq = scan.lastSeq() + 1;
      activeFile = segment.file();
    }
  }

  private void damaged(Segments.Segment segment, CorruptLogException damage, boolean lenient)
      throws IOException {
    if (!lenient) {
      throw damage;
    }
    Path target = Segments.quarantinePath(segment);
    Files.move(segment.file(), target, StandardCopyOption.ATOMIC_MOVE);
    DurableFiles.forceDirectory(directory);
    quarantined.add(target);
    log.warn(
        "quarantined damaged conversation log segment {} as {}: {}",
        segment.file(),
        target.getFileName(),
        damage.getMessage());
  }

  private void truncate(Path file, long validEnd, long torn) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(validEnd);
      channel.force(true);
    }
    truncatedBytes += torn;
    log.warn("{}: cut off a torn last record ({} bytes) left by an interrupted append", file, torn);
  }

  /** Returns the agent's log directory. */
  public Path directory() {
    return directory;
  }

  /** Returns the sequence number the next record gets. */
  public long nextSeq() {
    return nextSeq;
  }

  /** Returns how many torn-tail bytes recovery cut off. */
  public long truncatedBytes() {
    return truncatedBytes;
  }

  /** Returns the segments recovery quarantined. */
  public List<Path> quarantined() {
    return List.copyOf(quarantined);
  }

  /** Opens the segment to append to: the last valid one, or a new one. */
  public FileChannel openActive() throws IOException {
    Path file = activeFile;
    if (file == null) {
      return create(Segments.name(nextSeq));
    }
    return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** Creates a new segment named {@code name} and makes its creation durable. */
  public FileChannel create(String name) throws IOException {
    FileChannel channel =
        FileChannel.open(
            directory.resolve(name),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    DurableFiles.forceDirectory(directory);
    return channel;
  }

  /** Releases the writer lock. Idempotent. */
  public void releaseLock() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      lockChannel.close();
    } catch (IOException e) {
      log.warn("cannot release the conversation log lock in {}", directory, e);
    }
  }
}
