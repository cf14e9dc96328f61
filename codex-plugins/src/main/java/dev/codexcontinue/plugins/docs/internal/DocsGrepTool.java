package dev.codexcontinue.plugins.docs.internal;

import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.exception.ToolArgumentException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code docs_grep}: searches the text files under a path for a regular expression, line by line.
 * Each line gets a budget of regex steps, so a pattern with catastrophic backtracking fails fast
 * instead of hanging; the whole search has a time limit and a cap on matches.
 */
public final class DocsGrepTool extends DocsTool {
  /** The tool's name. */
  public static final String NAME = "docs_grep";

  /** The most regex steps (character reads) spent on one line. */
  static final long STEPS_PER_LINE = 1_000_000;

  private static final int MAX_FILES = 20_000;
  private static final int MAX_SHOWN_LINE = 300;
  private static final Set<String> ARGUMENTS =
      Set.of("pattern", "path", "ignore_case", "max_results");
  private static final ToolSpec SPEC =
      new ToolSpec(
          NAME,
          "Searches the text files under a path of the documents root for a Java regular"
              + " expression and returns matching lines as path:line: text. Hidden files,"
              + " binary files and files over the size cap are skipped.",
          "{\"type\":\"object\",\"properties\":{"
              + "\"pattern\":{\"type\":\"string\",\"minLength\":1,\"maxLength\":1000},"
              + "\"path\":{\"type\":\"string\",\"maxLength\":4096,"
              + "\"description\":\"File or directory relative to the root; the root by default.\"},"
              + "\"ignore_case\":{\"type\":\"boolean\"},"
              + "\"max_results\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":1000}},"
              + "\"required\":[\"pattern\"],\"additionalProperties\":false}");

  /** Creates the tool. */
  public DocsGrepTool(DocsConfig config) {
    super(SPEC, ARGUMENTS, config);
  }

  @Override
  protected ToolResult run(JsonArguments args, ToolContext context)
      throws PathDeniedException, IOException {
    Pattern pattern = compile(args.string("pattern"), args.bool("ignore_case", false));
    Path start = config.root().resolve(args.optionalString("path").orElse("."));
    int max =
        Math.min(
            args.optionalInt("max_results", 1, 1000).orElse(config.maxGrepMatches()),
            config.maxGrepMatches());
    return search(pattern, start, max, context);
  }

  private static Pattern compile(String regex, boolean ignoreCase) {
    try {
      return Pattern.compile(
          regex, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    } catch (PatternSyntaxException e) {
      throw new ToolArgumentException(
          NAME, List.of("/pattern: invalid regular expression: " + e.getDescription()), e);
    }
  }

  private ToolResult search(Pattern pattern, Path start, int max, ToolContext context)
      throws IOException {
    long deadline = System.nanoTime() + config.grepTimeout().toNanos();
    StringBuilder out = new StringBuilder();
    int matches = 0;
    String stopped = "";
    FileWalker.Walk walk = FileWalker.files(start, MAX_FILES);
    files:
    for (Path path : walk.files()) {
      List<String> lines = readable(path);
      for (int i = 0; i < lines.size(); i++) {
        if (System.nanoTime() > deadline || context.isCancelled()) {
          stopped = "[search stopped after " + config.grepTimeout().toMillis() + " ms; partial]";
          break files;
        }
        try {
          if (!pattern.matcher(BoundedText.of(lines.get(i), STEPS_PER_LINE)).find()) {
            continue;
          }
        } catch (BoundedText.StepLimitExceeded e) {
          return ToolResult.error(
              "the pattern backtracks too much (over "
                  + STEPS_PER_LINE
                  + " steps on one line); simplify it");
        }
        if (matches == max) {
          stopped = "[stopped at " + max + " matches]";
          break files;
        }
        matches++;
        out.append(config.root().relative(path)).append(':').append(i + 1).append(": ");
        out.append(shorten(lines.get(i))).append('\n');
      }
    }
    if (matches == 0 && stopped.isEmpty()) {
      out.append("no matches\n");
    }
    if (!stopped.isEmpty()) {
      out.append(stopped).append('\n');
    } else if (walk.capped()) {
      out.append("[only the first ").append(MAX_FILES).append(" files were searched]\n");
    }
    return ToolResult.of(config.finish(out.toString()));
  }

  /** Returns the lines of a readable text file; skips binary, oversized and unreadable ones. */
  private List<String> readable(Path path) {
    try {
      return TextFiles.read(config.root(), path, config.maxFileBytes()).text().lines().toList();
    } catch (PathDeniedException | IOException e) {
      return List.of();
    }
  }

  private static String shorten(String line) {
    String s = line.strip();
    return s.length() <= MAX_SHOWN_LINE ? s : s.substring(0, MAX_SHOWN_LINE) + "...";
  }
}
