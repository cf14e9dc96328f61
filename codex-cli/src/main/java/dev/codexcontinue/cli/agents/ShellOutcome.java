package dev.codexcontinue.cli.agents;

import dev.codexcontinue.core.tool.ToolExecution;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ShellAssistant} run did.
 *
 * @param answer the model's final message
 * @param commands every command it proposed, with its outcome (run, denied by the user, refused)
 */
public record ShellOutcome(String answer, List<ToolExecution> commands) {
  /** Checks and copies the components. */
  public ShellOutcome {
    Objects.requireNonNull(answer, "answer == null");
    commands = List.copyOf(commands);
  }

  /** Returns how many proposed commands the user denied. */
  public long deniedCount() {
    return commands.stream()
        .filter(c -> c.outcome() == ToolExecution.Outcome.DENIED_BY_USER)
        .count();
  }

  /** Returns how many commands ran. */
  public long ranCount() {
    return commands.stream()
        .filter(
            c ->
                c.outcome() == ToolExecution.Outcome.EXECUTED
                    || c.outcome() == ToolExecution.Outcome.FAILED
                    || c.outcome() == ToolExecution.Outcome.TIMED_OUT)
        .count();
  }
}
