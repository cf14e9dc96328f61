package dev.codexcontinue.core.log;

import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.log.internal.SegmentScanner;
import dev.codexcontinue.core.log.internal.Segments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads an agent's conversation log, while its writer runs or not (it takes no lock): lists the
 * conversations and replays their records in order. Every record is checked before it is returned;
 * a damaged one throws {@link CorruptLogException}, except in quarantined segments, whose records
 * are read up to the damage. A torn tail (an append in flight, or one a crash interrupted) is not
 * read. Each call reads the files anew. Thread-safe.
 *
 * <pre>{@code
 * ConversationLogReader reader = ConversationLogReader.open(Path.of("logs"), "support-agent");
 * for (ConversationLogReader.Conversation c : reader.conversations()) {
 *   System.out.println(c.session() + ": " + c.turns() + " turns");
 * }
 * List<LogEntry> turns = reader.replay(SessionKey.of("alice", "s1"));
 * }</pre>
 */
public final class ConversationLogReader {
  private final Path directory;

  private ConversationLogReader(Path directory) {
    this.directory = directory;
  }

  /** Returns a reader of the log of {@code agentId} under {@code directory}. */
  public static ConversationLogReader open(Path directory, String agentId) {
    Objects.requireNonNull(directory, "directory == null");
    Objects.requireNonNull(agentId, "agentId == null");
    return new ConversationLogReader(directory.resolve(agentId).toAbsolutePath().normalize());
  }

  /**
   * One conversation of the log.
   *
   * @param session the conversation
   * @param turns how many turns it has
   * @param firstSeq the sequence number of its first record
   * @param lastSeq the sequence number of its last record
   * @param started when its first turn began
   * @param lastActive when its last record was written (the last turn's start or end)
   */
  public record Conversation(
      SessionKey session,
      int turns,
      long firstSeq,
      long lastSeq,
      Instant started,
      Instant lastActive) {}

  /**
   * Returns the conversations of the log, in the order of their first record.
   *
   * @throws CorruptLogException when a record is damaged
   * @throws MemoryStoreException when the files cannot be read
   */
  public List<Conversation> conversations() {
    Map<SessionKey, Conversation> bySession = new LinkedHashMap<>();
    forEach(
        entry -> {
          LogRecord r = entry.record();
          Conversation c = bySession.get(r.session());
          Instant time =
              r instanceof LogRecord.TurnStarted s
                  ? s.time()
                  : r instanceof LogRecord.TurnEnded e ? e.time() : null;
          int turn = r instanceof LogRecord.TurnStarted ? 1 : 0;
          if (c == null) {
            Instant at = time != null ? time : Instant.EPOCH;
            bySession.put(
                r.session(), new Conversation(r.session(), turn, entry.seq(), entry.seq(), at, at));
          } else {
            bySession.put(
                r.session(),
                new Conversation(
                    r.session(),
                    c.turns() + turn,
                    c.firstSeq(),
                    entry.seq(),
                    c.started(),
                    time != null ? time : c.lastActive()));
          }
        });
    return List.copyOf(bySession.values());
  }

  /**
   * Returns every record of {@code session}, in order.
   *
   * @throws CorruptLogException when a record is damaged
   * @throws MemoryStoreException when the files cannot be read
   */
  public List<LogEntry> replay(SessionKey session) {
    Objects.requireNonNull(session, "session == null");
    List<LogEntry> entries = new ArrayList<>();
    forEach(
        e -> {
          if (e.record().session().equals(session)) {
            entries.add(e);
          }
        });
    return entries;
  }

  /**
   * Gives every record of the log, in order, to {@code consumer}, reading one record at a time.
   *
   * @throws CorruptLogException when a record is damaged
   * @throws MemoryStoreException when the files cannot be read
   */
  public void forEach(Consumer<LogEntry> consumer) {
    Objects.requireNonNull(consumer, "consumer == null");
    try {
      for (Segments.Segment segment : Segments.list(directory)) {
        SegmentScanner.Result scan =
            SegmentScanner.scan(segment.file(), segment.firstSeq(), consumer);
        CorruptLogException damage = scan.corruption();
        if (damage != null && !segment.quarantined()) {
          throw damage;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new MemoryStoreException("cannot read the conversation log " + directory, e);
    }
  }

  /** Returns the log's directory. */
  public Path directory() {
    return directory;
  }

  @Override
  public String toString() {
    return "ConversationLogReader[" + directory + "]";
  }
}
