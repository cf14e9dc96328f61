package dev.codexcontinue.core.log;

import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.core.log.internal.GroupCommit;
import dev.codexcontinue.core.log.internal.LogFiles;
import dev.codexcontinue.core.log.internal.LogFraming;
import dev.codexcontinue.core.log.internal.LogPayloads;
import dev.codexcontinue.core.log.internal.Segments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only conversation log of one agent: JSON Lines files under {@code <directory>/<agent
 * id>/}, one record per line with its sequence number, length and CRC32C (see {@link LogRecord} for
 * what a turn writes). The agent appends each turn in its store-memory step; {@link
 * ConversationLogReader} lists and replays conversations.
 *
 * <p><b>Durability.</b> {@link #append} returns once the {@link Durability} is met: forced to disk
 * by default. <b>Recovery.</b> Opening checks every record. Bytes after the last newline are the
 * torn tail of an append a crash interrupted (never acknowledged): they are cut off and logged at
 * WARN. A damaged record before that fails a {@link Recovery#STRICT} open with {@link
 * CorruptLogException}; a {@link Recovery#LENIENT} open renames the damaged segment to {@code
 * *.quarantined} (its valid records stay readable) and starts a new segment after the last valid
 * record. <b>One writer.</b> The agent's directory is locked with {@link FileChannel#tryLock}: a
 * second writer, in this process or another, fails at once with {@link LogLockedException}.
 *
 * <p>Thread-safe; appends are serialized. {@link #close()} forces what was written and releases the
 * lock.
 */
public final class ConversationLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConversationLog.class);
  private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  /** How an open treats damage before the torn tail. */
  public enum Recovery {
    /** Fail with {@link CorruptLogException}. */
    STRICT,
    /** Quarantine the damaged segment and go on in a new one. */
    LENIENT
  }

  private final Path directory;
  private final String agentId;
  private final Durability durability;
  private final long maxSegmentBytes;
  private final List<String> secrets;
  private final LogFiles files;
  private final ReentrantLock lock = new ReentrantLock();
  private final GroupCommit commit;
  private FileChannel active;
  private long activeSize;
  private long nextSeq;
  private long forcedBeforeActive;
  private boolean closed;

  private ConversationLog(Builder b, LogFiles files) throws IOException {
    this.directory = files.directory();
    this.agentId = b.agentId;
    this.durability = b.durability;
    this.maxSegmentBytes = b.maxSegmentBytes;
    this.secrets =
        b.secrets.stream()
            .filter(s -> s.length() >= 8)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    this.files = files;
    this.nextSeq = files.nextSeq();
    this.forcedBeforeActive = nextSeq - 1;
    this.active = files.openActive();
    this.activeSize = active.size();
    this.commit = new GroupCommit(durability.window());
  }

  /** Returns a builder for the log of {@code agentId} under {@code directory}. */
  public static Builder builder(Path directory, String agentId) {
    return new Builder(directory, agentId);
  }

  /** Returns the directory holding this agent's segments. */
  public Path directory() {
    return directory;
  }

  /** Returns the agent's id. */
  public String agentId() {
    return agentId;
  }

  /** Returns the durability policy. */
  public Durability durability() {
    return durability;
  }

  /** Returns the sequence number of the last record appended; 0 for an empty log. */
  public long lastSeq() {
    lock.lock();
    try {
      return nextSeq - 1;
    } finally {
      lock.unlock();
    }
  }

  /** Returns how many torn-tail bytes the open cut off; 0 when the log ended cleanly. */
  public long truncatedBytes() {
    return files.truncatedBytes();
  }

  /** Returns the segments a lenient open quarantined; empty after a clean open. */
  public List<Path> quarantined() {
    return files.quarantined();
  }

  /** Appends one record; see {@link #append(List)}. */
  public long append(LogRecord record) {
    return append(List.of(Objects.requireNonNull(record, "record == null")));
  }

  /**
   * Appends {@code records} in order, as consecutive sequence numbers, and returns the last one
   * once the durability policy is met. The records of one call are written together.
   *
   * @throws MemoryStoreException when writing or forcing fails
   * @throws IllegalStateException when the log is closed
   * @throws IllegalArgumentException when {@code records} is empty or a record is too large
   */
  public long append(List<? extends LogRecord> records) {
    Objects.requireNonNull(records, "records == null");
    if (records.isEmpty()) {
      throw new IllegalArgumentException("nothing to append");
    }
    List<byte[]> payloads = new ArrayList<>(records.size());
    for (LogRecord record : records) {
      byte[] payload = redact(LogPayloads.write(Objects.requireNonNull(record, "record == null")));
      if (payload.length > LogFraming.MAX_PAYLOAD_BYTES) {
        throw new IllegalArgumentException("a log record of " + payload.length + " bytes");
      }
      payloads.add(payload);
    }
    long last;
    FileChannel written;
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("conversation log is closed");
      }
      ByteArrayOutputStream batch = new ByteArrayOutputStream();
      long seq = nextSeq;
      for (byte[] payload : payloads) {
        batch.writeBytes(LogFraming.frame(seq++, payload));
      }
      rollIfFull();
      writeFully(active, batch.toByteArray());
      activeSize += batch.size();
      nextSeq = seq;
      last = seq - 1;
      written = active;
      if (durability.kind() == Durability.Kind.ALWAYS) {
        active.force(false);
      }
    } catch (IOException e) {
      throw new MemoryStoreException("cannot append to the conversation log in " + directory, e);
    } finally {
      lock.unlock();
    }
    if (durability.kind() == Durability.Kind.GROUP) {
      commit.await(last, () -> forceUpTo(written));
    }
    return last;
  }

  /**
   * Forces {@code channel}, the segment an append wrote to; returns the last sequence number known
   * to be on disk afterwards.
   */
  private long forceUpTo(FileChannel channel) throws IOException {
    long covered;
    lock.lock();
    try {
      if (channel != active || closed) {
        // Rolled over or closed: both forced the segment before letting it go.
        return forcedBeforeActive;
      }
      covered = nextSeq - 1;
    } finally {
      lock.unlock();
    }
    try {
      channel.force(false);
    } catch (ClosedChannelException rolledMeanwhile) {
      lock.lock();
      try {
        return forcedBeforeActive;
      } finally {
        lock.unlock();
      }
    }
    return covered;
  }

  private void rollIfFull() throws IOException {
    if (activeSize < maxSegmentBytes) {
      return;
    }
    active.force(false);
    active.close();
    forcedBeforeActive = nextSeq - 1;
    active = files.create(Segments.name(nextSeq));
    activeSize = 0;
  }

  private byte[] redact(byte[] payload) {
    if (secrets.isEmpty()) {
      return payload;
    }
    String text = new String(payload, StandardCharsets.UTF_8);
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, "****");
    }
    return masked == text ? payload : masked.getBytes(StandardCharsets.UTF_8);
  }

  private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Forces what was written, closes the segment and releases the writer lock. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (durability.kind() != Durability.Kind.NONE) {
        active.force(false);
        forcedBeforeActive = nextSeq - 1;
      }
      active.close();
    } catch (IOException e) {
      log.warn("closing the conversation log in {} failed", directory, e);
    } finally {
      lock.unlock();
      files.releaseLock();
    }
  }

  @Override
  public String toString() {
    return "ConversationLog[" + directory + ", " + durability + "]";
  }

  /** Builds a {@link ConversationLog}. Not thread-safe. */
  public static final class Builder {
    private final Path root;
    private final String agentId;
    private Durability durability = Durability.ALWAYS;
    private Recovery recovery = Recovery.STRICT;
    private long maxSegmentBytes = 64L << 20;
    private final List<String> secrets = new ArrayList<>();

    private Builder(Path root, String agentId) {
      this.root = Objects.requireNonNull(root, "directory == null");
      this.agentId = Objects.requireNonNull(agentId, "agentId == null");
      if (!AGENT_ID.matcher(agentId).matches()) {
        throw new IllegalArgumentException(
            "an agent id is 1-128 letters, digits, '.', '_' or '-', starting with a letter or"
                + " digit");
      }
    }

    /** Sets the durability; {@link Durability#ALWAYS} by default. */
    public Builder durability(Durability durability) {
      this.durability = Objects.requireNonNull(durability, "durability == null");
      return this;
    }

    /** Sets how damage is treated on open; {@link Recovery#STRICT} by default. */
    public Builder recovery(Recovery recovery) {
      this.recovery = Objects.requireNonNull(recovery, "recovery == null");
      return this;
    }

    /** Sets the size after which appends go to a new segment; 64 MiB by default. */
    public Builder maxSegmentBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxSegmentBytes must be >= 1024");
      }
      this.maxSegmentBytes = bytes;
      return this;
    }

    /**
     * Registers secret values (API keys, tokens; typically {@code settings.secretValues()}) to mask
     * as {@code ****} in every record written. Values shorter than 8 characters are ignored.
     */
    public Builder redactSecrets(Collection<String> values) {
      Objects.requireNonNull(values, "values == null")
          .forEach(v -> secrets.add(Objects.requireNonNull(v, "secret == null")));
      return this;
    }

    /**
     * Opens the log: creates the directories, takes the writer lock, checks every record and
     * recovers as described in the class documentation.
     *
     * @throws LogLockedException when another writer has the log open
     * @throws CorruptLogException when a {@link Recovery#STRICT} open finds damage
     * @throws MemoryStoreException when the files cannot be read or written
     */
    public ConversationLog open() {
      LogFiles files = LogFiles.open(root.resolve(agentId), recovery == Recovery.LENIENT);
      try {
        return new ConversationLog(this, files);
      } catch (IOException | RuntimeException e) {
        files.releaseLock();
        if (e instanceof RuntimeException r) {
          throw r;
        }
        throw new MemoryStoreException("cannot open the conversation log of " + agentId, e);
      }
    }
  }
}
