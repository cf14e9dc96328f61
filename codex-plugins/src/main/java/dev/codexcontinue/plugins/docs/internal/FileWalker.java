package dev.codexcontinue.plugins.docs.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Lists the regular files under a directory inside a {@link ConfinedRoot}, in path order, without
 * following symbolic links (a link is never a way out of the root) and skipping hidden files and
 * directories ({@code .git} and the like). Stops at a file count.
 */
public final class FileWalker {
  /** How deep a walk goes below its start. */
  public static final int MAX_DEPTH = 32;

  private FileWalker() {}

  /**
   * Returns the files under {@code start} (or {@code start} itself when it is a file).
   *
   * @param maxFiles the most files returned; the walk stops there
   */
  public static Walk files(Path start, int maxFiles) throws IOException {
    List<Path> files = new ArrayList<>();
    boolean[] capped = {false};
    Files.walkFileTree(
        start,
        EnumSet.noneOf(java.nio.file.FileVisitOption.class),
        MAX_DEPTH,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(start) && isHidden(dir)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && (file.equals(start) || !isHidden(file))) {
              if (files.size() >= maxFiles) {
                capped[0] = true;
                return FileVisitResult.TERMINATE;
              }
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // unreadable entries are skipped, not fatal
          }
        });
    files.sort(null);
    return new Walk(List.copyOf(files), capped[0]);
  }

  /** Returns whether the entry's name starts with a dot. */
  public static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  /**
   * The files a walk found.
   *
   * @param files the regular files, in path order
   * @param capped whether the walk stopped at the file count
   */
  public record Walk(List<Path> files, boolean capped) {
    /** Copies the list. */
    public Walk {
      files = List.copyOf(files);
    }
  }
}
