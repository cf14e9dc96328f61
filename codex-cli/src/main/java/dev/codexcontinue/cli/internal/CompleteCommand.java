package dev.codexcontinue.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.cli.CliContext;
import dev.codexcontinue.cli.ExitCode;
import dev.codexcontinue.core.completion.CodeCompleter;
import dev.codexcontinue.core.completion.EditorContext;
import dev.codexcontinue.core.completion.OpenFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codexctl complete FILE LINE:COL}: code completion at a cursor. */
@Command(
    name = "complete",
    mixinStandardHelpOptions = true,
    description = {
      "Completes code at LINE:COL (1-based) of FILE through a provider that completes code"
          + " (Tabby, Ollama with a fill-in-the-middle model, an OpenAI-compatible server).",
      "Prints only the text to insert."
    })
final class CompleteCommand extends BaseCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_FILE_BYTES = 4L << 20;
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final Map<String, String> LANGUAGES =
      Map.ofEntries(
          Map.entry("java", "java"),
          Map.entry("kt", "kotlin"),
          Map.entry("py", "python"),
          Map.entry("js", "javascript"),
          Map.entry("ts", "typescript"),
          Map.entry("go", "go"),
          Map.entry("rs", "rust"),
          Map.entry("c", "c"),
          Map.entry("cpp", "cpp"),
          Map.entry("cs", "csharp"),
          Map.entry("rb", "ruby"),
          Map.entry("sh", "bash"),
          Map.entry("md", "markdown"));

  @Parameters(index = "0", paramLabel = "FILE", description = "The file being edited.")
  Path file = Path.of("");

  @Parameters(index = "1", paramLabel = "LINE:COL", description = "The cursor, 1-based.")
  String cursor = "";

  @Option(
      names = "--open",
      paramLabel = "FILE",
      description = "Other files open in the editor, for context (repeatable).")
  List<Path> openFiles = List.of();

  @Option(names = "--json", description = "Print the completion and its provider as JSON.")
  boolean json;

  CompleteCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws IOException {
    Path path = settings().workingDirectory().resolve(file).normalize();
    if (!Files.isRegularFile(path)) {
      err().println("codexctl: not a file: " + path);
      return ExitCode.USAGE;
    }
    if (Files.size(path) > MAX_FILE_BYTES) {
      err().println("codexctl: " + path + " is larger than " + MAX_FILE_BYTES + " bytes");
      return ExitCode.ERROR;
    }
    String text = Files.readString(path, StandardCharsets.UTF_8);
    int offset;
    try {
      offset = offset(text, cursor);
    } catch (IllegalArgumentException e) {
      err().println("codexctl: " + e.getMessage());
      return ExitCode.USAGE;
    }
    EditorContext.Builder editor =
        EditorContext.builder(text, offset)
            .filePath(settings().workingDirectory().relativize(path).toString());
    language(path).ifPresent(editor::language);
    for (Path other : openFiles) {
      Path o = settings().workingDirectory().resolve(other).normalize();
      editor.addOpenFile(
          OpenFile.opened(
              settings().workingDirectory().relativize(o).toString(),
              Files.readString(o, StandardCharsets.UTF_8)));
    }
    try (ChosenProvider chosen = resolver().resolve(Capability.CODE_COMPLETION);
        CodeCompleter completer =
            CodeCompleter.builder(chosen.provider()).debounce(Duration.ZERO).build()) {
      CompletionResponse response = await(completer.complete(editor.build()));
      if (json) {
        out()
            .println(
                JSON.writeValueAsString(
                    JSON.createObjectNode()
                        .put("completion", response.text())
                        .put("provider", chosen.candidate().id())
                        .put("model", response.model().orElse(chosen.model()))
                        .put("file", path.toString())
                        .put("cursor", cursor)));
      } else {
        out().println(response.text());
      }
      return ExitCode.OK;
    }
  }

  private static CompletionResponse await(CompletableFuture<CompletionResponse> future) {
    try {
      return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new CancelledException("completion interrupted");
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new IllegalStateException("no completion within " + TIMEOUT.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
    }
  }

  /** Returns the character offset of {@code LINE:COL} (1-based; COL may be one past the end). */
  static int offset(String text, String cursor) {
    String[] parts = cursor.split(":", -1);
    int line;
    int col;
    try {
      if (parts.length != 2) {
        throw new NumberFormatException();
      }
      line = Integer.parseInt(parts[0].strip());
      col = Integer.parseInt(parts[1].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "cursor must be LINE:COL, e.g. 12:5, was '" + cursor + "'");
    }
    if (line < 1 || col < 1) {
      throw new IllegalArgumentException("LINE and COL start at 1, was '" + cursor + "'");
    }
    int start = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        throw new IllegalArgumentException("the file has fewer than " + line + " lines");
      }
      start = nl + 1;
    }
    int end = text.indexOf('\n', start);
    int lineLength = (end < 0 ? text.length() : end) - start;
    if (col - 1 > lineLength) {
      throw new IllegalArgumentException(
          "line " + line + " has " + lineLength + " characters; COL " + col + " is past its end");
    }
    return start + col - 1;
  }

  private static java.util.Optional<String> language(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0
        ? java.util.Optional.empty()
        : java.util.Optional.ofNullable(
            LANGUAGES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }
}
