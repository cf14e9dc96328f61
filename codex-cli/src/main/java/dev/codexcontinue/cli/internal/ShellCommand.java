package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.cli.CliContext;
import dev.codexcontinue.cli.ExitCode;
import dev.codexcontinue.cli.agents.ShellAssistant;
import dev.codexcontinue.cli.agents.ShellOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codexctl shell "goal"}: the shell agent. */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "Works towards GOAL with shell commands the assistant proposes; each runs only after you"
          + " approve it, in the shell tool (argv, no shell syntax, a timeout, secrets scrubbed,"
          + " inside the bubblewrap sandbox when it works here).",
      "Exits 4 when you denied every command proposed."
    })
final class ShellCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "GOAL", description = "What to get done.")
  List<String> goal = List.of();

  @Option(
      names = "--allow",
      paramLabel = "EXE",
      split = ",",
      description =
          "Executables allowed beside the read-only set (ls, cat, grep, git status...), e.g."
              + " --allow mvn,npm")
  List<String> allow = List.of();

  @Option(
      names = "--sandbox",
      paramLabel = "MODE",
      description = "off, optional (default) or required.")
  @Nullable
  String sandbox;

  @Option(
      names = "--max-commands",
      paramLabel = "N",
      description = "The most commands to propose (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int maxCommands = 10;

  ShellCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    Map<String, String> shell = new LinkedHashMap<>();
    if (!allow.isEmpty()) {
      shell.put("shell.allow", String.join(",", allow));
    }
    if (sandbox != null) {
      shell.put("shell.sandbox", sandbox);
    }
    Tool tool = CliTools.shell(settings(), shell);
    try (ChosenProvider chosen = resolver().resolve(Capability.CHAT)) {
      PromptingApprover approver = new PromptingApprover(input(), out());
      ShellAssistant assistant =
          ShellAssistant.builder()
              .provider(chosen.provider())
              .shellTool(tool)
              .approver(approver)
              .maxCommands(maxCommands)
              .build();
      ShellOutcome outcome =
          assistant.run(String.join(" ", goal), new ConsoleTurnListener(out(), true));
      out().println();
      if (outcome.deniedCount() > 0 && outcome.ranCount() == 0) {
        err().println("codexctl: every proposed command was denied");
        return ExitCode.DENIED;
      }
      return ExitCode.OK;
    }
  }
}
