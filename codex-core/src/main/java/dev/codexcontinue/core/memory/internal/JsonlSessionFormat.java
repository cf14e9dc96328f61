package dev.codexcontinue.core.memory.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.exception.CorruptStoreException;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.internal.Json;
import dev.codexcontinue.core.memory.ChatMessageCodec;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The file format of {@code JsonlSessionStore}: one file per session, named by a hash of its key,
 * holding UTF-8 lines each ended by {@code \n}. Line 1 is a header naming the session ({@code
 * {"codex_session":1,"user_id":"..","session_id":".."}}); every further line is one message in the
 * {@link ChatMessageCodec} form. A file whose last line lacks its {@code \n} was cut short by a
 * crash during an append, which had not returned: that line is torn, not corrupt.
 */
public final class JsonlSessionFormat {
  /** The version number in the header; readers reject others. */
  public static final int VERSION = 1;

  /** The suffix of session files. */
  public static final String SUFFIX = ".jsonl";

  private static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{64}\\.jsonl");
  private static final Set<String> HEADER_FIELDS = Set.of("codex_session", "user_id", "session_id");
  private static final byte NEWLINE = '\n';

  private JsonlSessionFormat() {}

  /**
   * Returns the file name of {@code key}: the SHA-256 of its length-prefixed parts in hex. A
   * hostile key ({@code ../../etc}, NUL, a megabyte of text) can neither leave the directory nor
   * collide with another key's name, and names have the same length on every file system.
   */
  public static String fileName(SessionKey key) {
    String unambiguous = key.userId().length() + ":" + key.userId() + ":" + key.sessionId();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(unambiguous.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest) + SUFFIX;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Returns whether {@code name} is the name of a session file. */
  public static boolean isSessionFile(String name) {
    return FILE_NAME.matcher(name).matches();
  }

  /** Returns the bytes of a whole file: the header and one line per message. */
  public static byte[] file(SessionKey key, List<ChatMessage> messages) {
    ObjectNode header = Json.mapper().createObjectNode();
    header.put("codex_session", VERSION);
    header.put("user_id", key.userId());
    header.put("session_id", key.sessionId());
    StringBuilder text = new StringBuilder(Json.write(header)).append('\n');
    return appendLines(text, messages);
  }

  /** Returns the lines of {@code messages}, each ended by a newline. */
  public static byte[] lines(List<ChatMessage> messages) {
    return appendLines(new StringBuilder(), messages);
  }

  private static byte[] appendLines(StringBuilder text, List<ChatMessage> messages) {
    for (ChatMessage m : messages) {
      // Jackson escapes control characters, so a message never contains a raw newline.
      text.append(ChatMessageCodec.write(m)).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A parsed session file.
   *
   * @param key the session named by the header
   * @param messages the messages, in order
   * @param tornBytes the length of a torn last line that was dropped, or 0
   */
  public record Parsed(SessionKey key, List<ChatMessage> messages, int tornBytes) {}

  /**
   * Parses a whole file.
   *
   * @throws CorruptStoreException naming {@code file} and the line, when a line other than a torn
   *     last one is not valid
   */
  public static Parsed parse(String file, byte[] bytes) {
    int end = lastNewline(bytes) + 1;
    if (end == 0) {
      throw new CorruptStoreException(file, "line 1: the header is missing or incomplete", null);
    }
    int headerEnd = indexOf(bytes, NEWLINE, 0);
    SessionKey key = header(file, decode(file, 1, bytes, 0, headerEnd));
    List<ChatMessage> messages = new ArrayList<>();
    int lineNumber = 1;
    for (int start = headerEnd + 1; start < end; ) {
      int newline = indexOf(bytes, NEWLINE, start);
      lineNumber++;
      messages.add(message(file, lineNumber, decode(file, lineNumber, bytes, start, newline)));
      start = newline + 1;
    }
    return new Parsed(key, messages, bytes.length - end);
  }

  /** Returns the session named by a header line. */
  public static SessionKey header(String file, String line) {
    try {
      JsonNode node = Json.parse(line);
      if (!(node instanceof ObjectNode header)) {
        throw new IllegalArgumentException("not an object");
      }
      header
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (!HEADER_FIELDS.contains(name)) {
                  throw new IllegalArgumentException("unknown field");
                }
              });
      JsonNode version = header.get("codex_session");
      if (version == null || !version.isInt() || version.intValue() != VERSION) {
        throw new IllegalArgumentException("not a version " + VERSION + " session file");
      }
      JsonNode user = header.get("user_id");
      JsonNode session = header.get("session_id");
      if (user == null || !user.isTextual() || session == null || !session.isTextual()) {
        throw new IllegalArgumentException("user_id and session_id must be strings");
      }
      return SessionKey.of(user.textValue(), session.textValue());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CorruptStoreException(file, "line 1: invalid header: " + reason(e), e);
    }
  }

  private static ChatMessage message(String file, int lineNumber, String line) {
    try {
      return ChatMessageCodec.read(line);
    } catch (IllegalArgumentException e) {
      throw new CorruptStoreException(file, "line " + lineNumber + ": " + e.getMessage(), e);
    }
  }

  private static String decode(String file, int lineNumber, byte[] bytes, int from, int to) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CorruptStoreException(file, "line " + lineNumber + ": not valid UTF-8", e);
    }
  }

  private static String reason(Exception e) {
    return String.valueOf(
        e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == NEWLINE) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
