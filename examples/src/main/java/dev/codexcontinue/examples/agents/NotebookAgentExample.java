package dev.codexcontinue.examples.agents;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.cli.agents.Notebook;
import dev.codexcontinue.cli.agents.NotebookAssistant;
import dev.codexcontinue.cli.agents.NotebookReview;
import dev.codexcontinue.examples.ExampleProviders;
import dev.codexcontinue.test.ScriptedProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The notebook agent: explains a Jupyter notebook's cells and errors and writes the edits it
 * proposes to {@code NAME.edited.ipynb}, leaving the notebook itself unchanged.
 *
 * <pre>
 * ./mvnw -q -pl examples -am package -DskipTests exec:java \
 *   -Dexec.mainClass=dev.codexcontinue.examples.agents.NotebookAgentExample \
 *   -Dexec.args=analysis.ipynb
 * </pre>
 */
public final class NotebookAgentExample {
  private NotebookAgentExample() {}

  /** Explains the notebook named by {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: NotebookAgentExample FILE.ipynb");
      System.exit(2);
    }
    try (Provider model =
        ExampleProviders.configuredOr(
            Settings.fromEnvironment(),
            System.out,
            "a scripted model that proposes no edit",
            () ->
                ScriptedProvider.builder()
                    .reply("(scripted) The cells run top to bottom; no edit needed.")
                    .build())) {
      Path in = Path.of(args[0]);
      run(
          model,
          in,
          in.resolveSibling(in.getFileName().toString().replace(".ipynb", "") + ".edited.ipynb"),
          System.out);
    }
  }

  /** Explains {@code notebook}; writes the proposed edits, if any, to {@code edited}. */
  public static NotebookReview run(Provider model, Path notebook, Path edited, PrintStream out)
      throws IOException {
    Notebook original = Notebook.read(notebook);
    NotebookReview review =
        NotebookAssistant.builder().provider(model).build().review(original, out::print);
    out.println();
    if (review.edits().isEmpty()) {
      out.println("No edits proposed.");
    } else {
      original.withSources(review.edits()).write(edited);
      out.println("Edited cells " + review.edits().keySet() + " written to " + edited);
    }
    return review;
  }
}
