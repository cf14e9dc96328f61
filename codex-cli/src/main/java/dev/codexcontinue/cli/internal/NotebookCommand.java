package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.Capability;
import dev.codexcontinue.cli.CliContext;
import dev.codexcontinue.cli.ExitCode;
import dev.codexcontinue.cli.agents.Notebook;
import dev.codexcontinue.cli.agents.NotebookAssistant;
import dev.codexcontinue.cli.agents.NotebookReview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codexctl notebook FILE.ipynb}: the notebook agent. */
@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description = {
      "Explains a Jupyter notebook's cells and errors, and writes the cell edits the assistant"
          + " proposes to a new notebook (FILE.edited.ipynb by default); FILE is never changed."
    })
final class NotebookCommand extends BaseCommand {
  @Parameters(paramLabel = "FILE.ipynb", description = "The notebook.")
  Path file = Path.of("");

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT.ipynb",
      description = "Where to write the edited notebook (default: FILE.edited.ipynb).")
  @Nullable
  Path output;

  NotebookCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws IOException {
    Path in = settings().workingDirectory().resolve(file).normalize();
    if (!Files.isRegularFile(in)) {
      err().println("codexctl: not a file: " + in);
      return ExitCode.USAGE;
    }
    Path target =
        output != null ? settings().workingDirectory().resolve(output).normalize() : edited(in);
    if (target.equals(in)) {
      err().println("codexctl: the output must differ from the notebook itself");
      return ExitCode.USAGE;
    }
    Notebook notebook = Notebook.read(in);
    try (ChosenProvider chosen = resolver().resolve(Capability.CHAT)) {
      NotebookReview review =
          NotebookAssistant.builder()
              .provider(chosen.provider())
              .build()
              .review(notebook, new ConsoleTurnListener(out(), false));
      out().println();
      if (review.edits().isEmpty()) {
        out().println("no cell edits proposed; nothing written");
        return ExitCode.OK;
      }
      notebook.withSources(review.edits()).write(target);
      out()
          .println(
              "wrote "
                  + target
                  + " with "
                  + review.edits().size()
                  + " edited cell(s): "
                  + review.edits().keySet());
      return ExitCode.OK;
    }
  }

  private static Path edited(Path in) {
    String name = in.getFileName().toString();
    String base = name.endsWith(".ipynb") ? name.substring(0, name.length() - 6) : name;
    return in.resolveSibling(base + ".edited.ipynb");
  }
}
