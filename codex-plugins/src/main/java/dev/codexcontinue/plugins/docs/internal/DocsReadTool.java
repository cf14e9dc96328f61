package dev.codexcontinue.plugins.docs.internal;

import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * {@code docs_read}: reads a text file under the root, whole or a range of lines, each line
 * numbered. Output that would pass the cap ends at a whole line and says where to continue.
 */
public final class DocsReadTool extends DocsTool {
  /** The tool's name. */
  public static final String NAME = "docs_read";

  private static final int MAX_LINE = 10_000_000;
  private static final Set<String> ARGUMENTS = Set.of("path", "start_line", "end_line");
  private static final ToolSpec SPEC =
      new ToolSpec(
          NAME,
          "Reads a UTF-8 text file under the documents root and returns its lines, numbered."
              + " Give start_line and end_line (1-based, inclusive) to read part of a long file."
              + " Binary files and files over the size cap are refused.",
          "{\"type\":\"object\",\"properties\":{"
              + "\"path\":{\"type\":\"string\",\"minLength\":1,\"maxLength\":4096,"
              + "\"description\":\"File path relative to the root.\"},"
              + "\"start_line\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":"
              + MAX_LINE
              + "},"
              + "\"end_line\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":"
              + MAX_LINE
              + "}},"
              + "\"required\":[\"path\"],\"additionalProperties\":false}");

  /** Creates the tool. */
  public DocsReadTool(DocsConfig config) {
    super(SPEC, ARGUMENTS, config);
  }

  @Override
  protected ToolResult run(JsonArguments args, ToolContext context)
      throws PathDeniedException, IOException {
    TextFile file =
        TextFiles.read(
            config.root(), config.root().resolve(args.string("path")), config.maxFileBytes());
    List<String> lines = file.text().lines().toList();
    int from = args.optionalInt("start_line", 1, MAX_LINE).orElse(1);
    int to = Math.min(args.optionalInt("end_line", 1, MAX_LINE).orElse(lines.size()), lines.size());
    if (lines.isEmpty()) {
      return ToolResult.of(file.relativePath() + " is empty");
    }
    if (from > lines.size()) {
      return ToolResult.error(
          file.relativePath() + " has " + lines.size() + " lines; start_line is " + from);
    }
    if (to < from) {
      return ToolResult.error("end_line " + to + " is before start_line " + from);
    }
    return ToolResult.of(render(file.relativePath(), lines, from, to));
  }

  /** Numbers lines {@code from..to}, stopping at a whole line before the output cap. */
  private String render(String path, List<String> lines, int from, int to) {
    int budget = config.maxOutputChars() - 200; // room for the header and the marker
    StringBuilder body = new StringBuilder();
    int last = from - 1;
    for (int n = from; n <= to; n++) {
      String line = config.redactor().redact(lines.get(n - 1));
      String numbered = n + ": " + line + "\n";
      if (body.length() + numbered.length() > budget && n > from) {
        break;
      }
      body.append(numbered);
      last = n;
    }
    StringBuilder out = new StringBuilder();
    out.append(path)
        .append(" (lines ")
        .append(from)
        .append('-')
        .append(last)
        .append(" of ")
        .append(lines.size())
        .append(")\n")
        .append(body);
    if (last < to) {
      out.append("[output cap reached; continue with start_line=").append(last + 1).append("]\n");
    }
    return config.finish(out.toString());
  }
}
