package dev.codexcontinue.plugins.docs.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Reads text files inside a {@link ConfinedRoot}: regular files only, at most a byte cap, opened
 * without following a link in the last component, checked again after opening, and refused when
 * they hold a NUL byte or are not valid UTF-8 (binary content).
 */
public final class TextFiles {
  private TextFiles() {}

  /**
   * Reads the file at {@code path}, which {@link ConfinedRoot#resolve} returned.
   *
   * @throws PathDeniedException when the file is missing, not a regular file, larger than {@code
   *     maxBytes}, binary, or changed between the check and the open
   * @throws IOException when reading fails
   */
  public static TextFile read(ConfinedRoot root, Path path, long maxBytes)
      throws PathDeniedException, IOException {
    Objects.requireNonNull(root, "root == null");
    String shown = root.relative(path);
    BasicFileAttributes before = attributes(path, shown);
    if (before.isDirectory()) {
      throw new PathDeniedException(shown + " is a directory");
    }
    if (!before.isRegularFile()) {
      throw new PathDeniedException(shown + " is not a regular file");
    }
    if (before.size() > maxBytes) {
      throw tooLarge(shown, before.size(), maxBytes);
    }
    byte[] bytes;
    // NOFOLLOW_LINKS: a link swapped in after the check fails to open instead of being followed.
    try (FileChannel channel =
        FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      recheck(root, path, before, shown);
      bytes = readAtMost(channel, before.size(), maxBytes, shown);
    }
    if (isBinary(bytes)) {
      throw new PathDeniedException(shown + " is a binary file");
    }
    String text = decode(bytes, shown);
    return new TextFile(shown, text.startsWith("\uFEFF") ? text.substring(1) : text, sha256(bytes));
  }

  /** Returns the lower-case hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static BasicFileAttributes attributes(Path path, String shown)
      throws PathDeniedException, IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new PathDeniedException("no such file: " + shown);
    }
  }

  /** The path must still be the file that was checked, with no link on the way. */
  private static void recheck(
      ConfinedRoot root, Path path, BasicFileAttributes before, String shown)
      throws PathDeniedException, IOException {
    BasicFileAttributes after = attributes(path, shown);
    Object key = before.fileKey();
    boolean sameFile = key == null || key.equals(after.fileKey());
    if (!sameFile || !after.isRegularFile() || !path.toRealPath().equals(path)) {
      throw new PathDeniedException(shown + " changed while it was being opened");
    }
    if (!root.contains(path.toRealPath())) {
      throw new PathDeniedException("path is outside the root: " + shown);
    }
  }

  private static byte[] readAtMost(FileChannel channel, long size, long maxBytes, String shown)
      throws IOException, PathDeniedException {
    // One byte more than expected tells a file that grew after the size check.
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, maxBytes) + 1);
    int n;
    do {
      n = channel.read(buffer);
    } while (n >= 0 && buffer.hasRemaining());
    if (!buffer.hasRemaining()) {
      throw buffer.capacity() > maxBytes
          ? tooLarge(shown, buffer.capacity(), maxBytes)
          : new PathDeniedException(shown + " changed while it was being read");
    }
    byte[] bytes = new byte[buffer.position()];
    buffer.flip().get(bytes);
    return bytes;
  }

  private static boolean isBinary(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  private static String decode(byte[] bytes, String shown) throws PathDeniedException {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new PathDeniedException(shown + " is not UTF-8 text (binary content)");
    }
  }

  private static PathDeniedException tooLarge(String shown, long size, long maxBytes) {
    return new PathDeniedException(
        shown + " is larger than the " + maxBytes + "-byte cap (" + size + " bytes or more)");
  }
}
