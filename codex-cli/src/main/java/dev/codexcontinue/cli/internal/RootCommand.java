package dev.codexcontinue.cli.internal;

import javax.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code codexctl}: with no command, the usage. */
@Command(
    name = "codexctl",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "The CodexContinue terminal assistant.",
    subcommands = {
      ChatCommand.class,
      AskCommand.class,
      IndexCommand.class,
      SearchCommand.class,
      CompleteCommand.class,
      ReviewCommand.class,
      ShellCommand.class,
      NotebookCommand.class,
      DoctorCommand.class,
      ServeCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success",
      "  1  the command failed (provider error, bad file, corrupt store)",
      "  2  usage error",
      "  3  no provider reachable: the message lists each one tried and the settings that enable it",
      "  4  the user denied an action the command needed",
      "",
      "Settings: flags, then codex.* system properties, then the environment (OPENAI_API_KEY,"
          + " AZURE_OPENAI_ENDPOINT, TABBY_ENDPOINT, OLLAMA_HOST, CODEX_<KEY>...), then ./.env,"
          + " then $CODEX_HOME/config.properties (keys such as openai.api-key)."
    })
final class RootCommand implements Runnable {
  @Spec @Nullable CommandSpec spec;

  @Override
  public void run() {
    CommandSpec s = java.util.Objects.requireNonNull(spec, "spec");
    throw new ParameterException(s.commandLine(), "a command is required");
  }
}
