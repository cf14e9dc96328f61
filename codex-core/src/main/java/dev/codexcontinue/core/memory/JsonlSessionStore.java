package dev.codexcontinue.core.memory;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.exception.CorruptStoreException;
import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.api.memory.SessionStore;
import dev.codexcontinue.core.memory.internal.DurableFiles;
import dev.codexcontinue.core.memory.internal.JsonlSessionFormat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SessionStore} of JSON Lines files in one directory: one file per session, named by a
 * SHA-256 hash of the key (never by the user's text), holding a header line and one line per
 * message. Factory id {@code jsonl}, setting {@code session.directory}.
 *
 * <p><b>Durability.</b> {@link #append} writes the new lines and forces them to disk before it
 * returns; {@link #replace} writes a temporary file, forces it, renames it over the old one
 * atomically and forces the directory, so a crash leaves the old or the new session, never a mix. A
 * crash during an append can leave a torn last line: it is dropped when the session is read (logged
 * at WARN) and cut off before the next append. Any other invalid line is a {@link
 * CorruptStoreException} naming the file and the line number; nothing is skipped silently.
 *
 * <p><b>Sharing.</b> One store per directory: {@link #open} locks the directory and fails if
 * another store (in this or another process) has it open. Thread-safe; calls for one session are
 * serialized, calls for different sessions run in parallel. {@link #close()} releases the lock.
 */
public final class JsonlSessionStore implements SessionStore {
  private static final Logger log = LoggerFactory.getLogger(JsonlSessionStore.class);
  private static final String LOCK_FILE = ".lock";
  private static final int STRIPES = 64;

  private final Path directory;
  private final FileChannel lockChannel;
  private final FileLock directoryLock;
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private volatile boolean closed;

  private JsonlSessionStore(Path directory, FileChannel lockChannel, FileLock directoryLock) {
    this.directory = directory;
    this.lockChannel = lockChannel;
    this.directoryLock = directoryLock;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /**
   * Opens the store in {@code directory}, creating the directory if needed, and removes temporary
   * files that a crash during {@link #replace} left behind.
   *
   * @throws MemoryStoreException when the directory cannot be created or another store has it open
   */
  public static JsonlSessionStore open(Path directory) {
    Objects.requireNonNull(directory, "directory == null");
    Path dir = directory.toAbsolutePath().normalize();
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel =
          FileChannel.open(
              dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel, dir);
      JsonlSessionStore store = new JsonlSessionStore(dir, channel, lock);
      DurableFiles.deleteTemporaryFiles(dir);
      return store;
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel, e);
      if (e instanceof MemoryStoreException m) {
        throw m;
      }
      throw new MemoryStoreException("cannot open session directory " + dir, e);
    }
  }

  private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      throw new MemoryStoreException("session directory " + dir + " is open in this JVM", e);
    }
    if (lock == null) {
      throw new MemoryStoreException(
          "session directory " + dir + " is open in another process", null);
    }
    return lock;
  }

  /** Returns the directory of the session files. */
  public Path directory() {
    return directory;
  }

  @Override
  public List<ChatMessage> load(SessionKey key) {
    Path file = fileOf(key);
    return locked(
        key,
        () -> {
          byte[] bytes;
          try {
            bytes = Files.readAllBytes(file);
          } catch (NoSuchFileException e) {
            return List.of();
          }
          JsonlSessionFormat.Parsed parsed = JsonlSessionFormat.parse(file.toString(), bytes);
          if (!parsed.key().equals(key)) {
            throw new CorruptStoreException(file.toString(), "holds another session", null);
          }
          if (parsed.tornBytes() > 0) {
            log.warn(
                "{}: dropped a torn last line ({} bytes) left by an interrupted append",
                file,
                parsed.tornBytes());
          }
          return List.copyOf(parsed.messages());
        });
  }

  @Override
  public void append(SessionKey key, List<ChatMessage> messages) {
    List<ChatMessage> copy = List.copyOf(Objects.requireNonNull(messages, "messages == null"));
    Path file = fileOf(key);
    run(
        key,
        () -> {
          if (Files.exists(file)) {
            DurableFiles.appendLines(file, JsonlSessionFormat.lines(copy));
          } else {
            DurableFiles.writeAtomically(file, JsonlSessionFormat.file(key, copy));
          }
        });
  }

  @Override
  public void replace(SessionKey key, List<ChatMessage> messages) {
    List<ChatMessage> copy = List.copyOf(Objects.requireNonNull(messages, "messages == null"));
    Path file = fileOf(key);
    run(key, () -> DurableFiles.writeAtomically(file, JsonlSessionFormat.file(key, copy)));
  }

  @Override
  public void delete(SessionKey key) {
    Path file = fileOf(key);
    run(key, () -> DurableFiles.delete(file));
  }

  @Override
  public Set<SessionKey> keys() {
    ensureOpen();
    Set<SessionKey> keys = new HashSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        if (JsonlSessionFormat.isSessionFile(file.getFileName().toString())) {
          readHeader(file).ifPresent(keys::add);
        }
      }
    } catch (IOException e) {
      throw new MemoryStoreException("cannot list session directory " + directory, e);
    }
    return Set.copyOf(keys);
  }

  private Optional<SessionKey> readHeader(Path file) throws IOException {
    try {
      String header =
          DurableFiles.firstLine(file)
              .orElseThrow(
                  () ->
                      new CorruptStoreException(
                          file.toString(), "line 1: the header is incomplete", null));
      return Optional.of(JsonlSessionFormat.header(file.toString(), header));
    } catch (NoSuchFileException deletedMeanwhile) {
      return Optional.empty();
    }
  }

  /** Releases the directory lock. Idempotent; other methods throw afterwards. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      directoryLock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new MemoryStoreException("cannot release session directory " + directory, e);
    }
  }

  @Override
  public String toString() {
    return "JsonlSessionStore[" + directory + "]";
  }

  private Path fileOf(SessionKey key) {
    Objects.requireNonNull(key, "key == null");
    return directory.resolve(JsonlSessionFormat.fileName(key));
  }

  /** An action on one session's file. */
  private interface FileAction<T> {
    T run() throws IOException;
  }

  /** An action on one session's file that returns nothing. */
  private interface FileRun {
    void run() throws IOException;
  }

  private void run(SessionKey key, FileRun action) {
    locked(
        key,
        () -> {
          action.run();
          return Boolean.TRUE;
        });
  }

  private <T> T locked(SessionKey key, FileAction<T> action) {
    ensureOpen();
    ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), STRIPES)];
    lock.lock();
    try {
      return action.run();
    } catch (IOException e) {
      throw new MemoryStoreException(
          "session file " + JsonlSessionFormat.fileName(key) + " in " + directory + " failed", e);
    } finally {
      lock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("session store is closed");
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel, Exception e) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
    }
  }
}
