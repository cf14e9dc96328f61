package dev.codexcontinue.memory.faiss.internal;

import dev.codexcontinue.api.exception.MemoryStoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive lock on a store directory, held through a lock file for as long as the store is
 * open, so that two stores (in this process or another) never write one directory.
 */
public final class DirectoryLock implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DirectoryLock.class);

  private final Path directory;
  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(Path directory, FileChannel channel, FileLock lock) {
    this.directory = directory;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code directory} through its file {@code lockFile}.
   *
   * @throws MemoryStoreException when another store holds it
   */
  public static DirectoryLock acquire(Path directory, String lockFile) throws IOException {
    FileChannel channel =
        FileChannel.open(
            directory.resolve(lockFile), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new MemoryStoreException(
          "store " + directory + " is already open in another store", null);
    }
    return new DirectoryLock(directory, channel, lock);
  }

  /** Releases the lock; a failure is logged, since there is nothing left to do about it. */
  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      log.warn("could not release the lock of {}: {}", directory, e.toString());
    }
  }
}
