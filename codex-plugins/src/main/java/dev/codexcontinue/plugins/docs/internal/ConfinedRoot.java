package dev.codexcontinue.plugins.docs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A directory that paths from a model may not leave. A path is resolved against the root's real
 * path; the nearest existing ancestor of a path that does not exist yet is resolved with {@link
 * Path#toRealPath}, so a symbolic link anywhere on the way is followed before the check; and the
 * result must start with the root, component by component ({@link Path#startsWith(Path)}), so
 * {@code ../root_evil} is not inside {@code root}. NUL and control characters, a {@code :} (an NTFS
 * stream or a drive letter), Windows device names and absolute paths outside the root are refused
 * before anything touches the disk. Immutable and thread-safe.
 */
public final class ConfinedRoot {
  /** The longest path accepted, in characters. */
  public static final int MAX_PATH_LENGTH = 4096;

  private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");
  private static final Pattern DEVICE =
      Pattern.compile("(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\\$|conout\\$)");

  private final Path root;

  private ConfinedRoot(Path root) {
    this.root = root;
  }

  /**
   * Returns the confinement to {@code directory}, resolved to its real path once, now.
   *
   * @throws IllegalArgumentException when {@code directory} is not an existing directory
   */
  public static ConfinedRoot of(Path directory) {
    Objects.requireNonNull(directory, "directory == null");
    try {
      Path real = directory.toRealPath();
      if (!Files.isDirectory(real)) {
        throw new IllegalArgumentException("not a directory: " + directory);
      }
      return new ConfinedRoot(real);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot use " + directory + " as a root: " + e, e);
    }
  }

  /** Returns the root's real path. */
  public Path root() {
    return root;
  }

  /**
   * Returns the real path that {@code input} names inside the root: relative to the root, or
   * absolute and inside it; {@code ""} and {@code "."} name the root. The path need not exist.
   *
   * @throws PathDeniedException when the path is malformed or leads outside the root
   */
  public Path resolve(String input) throws PathDeniedException {
    Objects.requireNonNull(input, "input == null");
    checkSyntax(input);
    Path given;
    try {
      given = Path.of(input.isEmpty() ? "." : input);
    } catch (InvalidPathException e) {
      throw new PathDeniedException("invalid path: " + e.getReason());
    }
    Path candidate = (given.isAbsolute() ? given : root.resolve(given)).normalize();
    Path real = realPathOfNearestExisting(candidate);
    if (!real.startsWith(root)) {
      throw new PathDeniedException("path is outside the root: " + input);
    }
    return real;
  }

  /**
   * Returns {@code path} relative to the root, with {@code /} separators; the root is {@code .}.
   */
  public String relative(Path path) {
    Path rel = root.relativize(path);
    String text = rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
    return text.isEmpty() ? "." : text;
  }

  /** Returns whether {@code path} (absolute) lies inside the root, lexically. */
  public boolean contains(Path path) {
    return path.normalize().startsWith(root);
  }

  private static void checkSyntax(String input) throws PathDeniedException {
    if (input.length() > MAX_PATH_LENGTH) {
      throw new PathDeniedException("path is longer than " + MAX_PATH_LENGTH + " characters");
    }
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == 0) {
        throw new PathDeniedException("path contains a NUL character");
      }
      if (c < 0x20 || c == 0x7f) {
        throw new PathDeniedException("path contains a control character");
      }
      if (c == ':') {
        // A colon is a drive letter or an NTFS alternate data stream on Windows.
        throw new PathDeniedException("path contains ':'");
      }
    }
    for (String component : SEPARATORS.split(input)) {
      String stem = component.strip();
      int dot = stem.indexOf('.');
      if (dot >= 0) {
        stem = stem.substring(0, dot);
      }
      if (DEVICE.matcher(stem.strip().toLowerCase(Locale.ROOT)).matches()) {
        throw new PathDeniedException("path names a reserved device: " + component);
      }
    }
  }

  /**
   * Resolves the longest existing prefix of {@code candidate} with {@code toRealPath()} (which
   * follows links) and appends the rest, which does not exist and so cannot be a link.
   */
  private static Path realPathOfNearestExisting(Path candidate) throws PathDeniedException {
    Deque<Path> missing = new ArrayDeque<>();
    Path existing = candidate;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      Path name = existing.getFileName();
      if (name != null) {
        missing.push(name);
      }
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new PathDeniedException("path has no existing ancestor");
    }
    Path real;
    try {
      real = existing.toRealPath();
    } catch (NoSuchFileException e) {
      throw new PathDeniedException("path goes through a broken symbolic link");
    } catch (IOException e) {
      throw new PathDeniedException("path cannot be resolved: " + e.getClass().getSimpleName());
    }
    while (!missing.isEmpty()) {
      real = real.resolve(missing.pop());
    }
    return real;
  }

  @Override
  public String toString() {
    return "ConfinedRoot[" + root + "]";
  }
}
