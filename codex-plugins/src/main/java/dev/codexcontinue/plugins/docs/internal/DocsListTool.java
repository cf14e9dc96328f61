package dev.codexcontinue.plugins.docs.internal;

import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code docs_list}: lists a directory under the root, optionally recursively. */
public final class DocsListTool extends DocsTool {
  /** The tool's name. */
  public static final String NAME = "docs_list";

  private static final Set<String> ARGUMENTS = Set.of("path", "recursive");
  private static final ToolSpec SPEC =
      new ToolSpec(
          NAME,
          "Lists the files and directories at a path under the documents root (directories end"
              + " with '/', files show their size). Hidden entries are skipped; symbolic links are"
              + " shown, never followed.",
          "{\"type\":\"object\",\"properties\":{"
              + "\"path\":{\"type\":\"string\",\"maxLength\":4096,"
              + "\"description\":\"Directory relative to the root; the root by default.\"},"
              + "\"recursive\":{\"type\":\"boolean\","
              + "\"description\":\"List everything below the directory too.\"}},"
              + "\"additionalProperties\":false}");

  /** Creates the tool. */
  public DocsListTool(DocsConfig config) {
    super(SPEC, ARGUMENTS, config);
  }

  @Override
  protected ToolResult run(JsonArguments args, ToolContext context)
      throws PathDeniedException, IOException {
    Path dir = config.root().resolve(args.optionalString("path").orElse("."));
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return ToolResult.error("not a directory: " + config.root().relative(dir));
    }
    List<String> entries = new ArrayList<>();
    boolean capped = list(dir, args.bool("recursive", false), entries);
    StringBuilder out = new StringBuilder();
    entries.forEach(e -> out.append(e).append('\n'));
    if (entries.isEmpty()) {
      out.append("(empty)\n");
    }
    if (capped) {
      out.append("[listing stopped at ").append(config.maxListEntries()).append(" entries]\n");
    }
    return ToolResult.of(config.finish(out.toString()));
  }

  /** Adds the entries below {@code dir} to {@code out}; returns whether the cap stopped it. */
  private boolean list(Path dir, boolean recursive, List<String> out) throws IOException {
    int max = config.maxListEntries();
    boolean[] capped = {false};
    Files.walkFileTree(
        dir,
        EnumSet.noneOf(FileVisitOption.class),
        recursive ? FileWalker.MAX_DEPTH : 1,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            if (d.equals(dir)) {
              return FileVisitResult.CONTINUE;
            }
            if (FileWalker.isHidden(d)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            return add(config.root().relative(d) + "/");
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
            if (FileWalker.isHidden(f)) {
              return FileVisitResult.CONTINUE;
            }
            String name = config.root().relative(f);
            if (attrs.isDirectory()) {
              return add(name + "/"); // at the depth limit directories come here
            }
            if (attrs.isSymbolicLink()) {
              return add(name + " (symbolic link)");
            }
            return add(
                name + (attrs.isRegularFile() ? " (" + attrs.size() + " bytes)" : " (special)"));
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) {
            return FileVisitResult.CONTINUE;
          }

          private FileVisitResult add(String entry) {
            if (out.size() >= max) {
              capped[0] = true;
              return FileVisitResult.TERMINATE;
            }
            out.add(entry);
            return FileVisitResult.CONTINUE;
          }
        });
    out.sort(null);
    return capped[0];
  }
}
