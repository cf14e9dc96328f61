package dev.codexcontinue.memory.faiss.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file operations a store commit performs, behind an interface so that tests can fail any one
 * of them (in the spirit of Lucene's {@code MockDirectoryWrapper}) and check that the previous
 * generation stays readable. {@link #files()} returns the real implementation.
 */
public interface StorageIo {
  /** Returns the implementation over the real file system. */
  static StorageIo files() {
    return FileStorageIo.INSTANCE;
  }

  /** Creates (or truncates) {@code file} for writing. */
  Output create(Path file) throws IOException;

  /** Renames {@code from} to {@code to} atomically, replacing {@code to}. */
  void atomicMove(Path from, Path to) throws IOException;

  /** Forces the directory entry changes in {@code dir} to disk. */
  void syncDirectory(Path dir) throws IOException;

  /** Deletes {@code file} if it exists. */
  void delete(Path file) throws IOException;

  /** A file being written. */
  interface Output extends AutoCloseable {
    /** Writes {@code len} bytes of {@code b} from {@code off}. */
    void write(byte[] b, int off, int len) throws IOException;

    /** Forces the written bytes (and the file's metadata) to disk. */
    void force() throws IOException;

    @Override
    void close() throws IOException;
  }
}
