package dev.codexcontinue.cli.agents;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.prompt.PromptLibrary;
import dev.codexcontinue.core.tool.ToolApprover;
import dev.codexcontinue.core.tool.ToolPolicy;
import java.time.Duration;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The blueprint's shell agent: given a goal, the model proposes commands one by one through the
 * shell tool, and each runs only after the approver says yes, read-only ones included, in the
 * tool's workspace (and its sandbox, when it has one). The model sees each result, denials
 * included, and ends with an answer.
 *
 * <pre>{@code
 * ShellTool shell = ShellTool.builder().workspace(repo).sandbox(SandboxMode.OPTIONAL).build();
 * ShellAssistant assistant =
 *     ShellAssistant.builder().provider(provider).shellTool(shell).approver(askTheUser).build();
 * ShellOutcome outcome = assistant.run("find the largest file", TurnListener.NONE);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the provider and tool are borrowed.
 */
public final class ShellAssistant {
  private final Provider provider;
  private final Tool shellTool;
  private final ToolApprover approver;
  private final int maxCommands;
  private final Duration approvalTimeout;

  private ShellAssistant(Builder b) {
    this.provider = Objects.requireNonNull(b.provider, "provider");
    this.shellTool = Objects.requireNonNull(b.shellTool, "shellTool");
    this.approver = b.approver;
    this.maxCommands = b.maxCommands;
    this.approvalTimeout = b.approvalTimeout;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Works towards {@code goal}, streaming the model's text and each command's result to {@code
   * listener}.
   *
   * @throws dev.codexcontinue.api.exception.CodexException when the model fails
   */
  public ShellOutcome run(String goal, TurnListener listener) {
    Objects.requireNonNull(goal, "goal == null");
    Objects.requireNonNull(listener, "listener == null");
    AgentOptions options =
        AgentOptions.builder()
            .systemPrompt(PromptLibrary.SHELL_HELPER)
            .maxToolCalls(maxCommands)
            .maxIterations(maxCommands + 1)
            .approvalTimeout(approvalTimeout)
            .rememberTurns(false)
            .build();
    String name = shellTool.spec().name();
    try (Agent agent =
        Agent.builder()
            .provider(provider)
            .options(options)
            .addTool(shellTool)
            // Every command is shown to the user first, even those the tool deems read-only.
            .toolPolicy(ToolPolicy.builder().ask(name).build())
            .approver(approver)
            .build()) {
      AgentReply reply =
          AgentTurns.stream(
              agent,
              AgentRequest.of(
                  "shell",
                  "Goal: "
                      + goal
                      + "\nPropose one command at a time with the "
                      + name
                      + " tool; the user approves each before it runs. When the goal is reached"
                      + " (or cannot be), answer briefly with what you found."),
              listener);
      return new ShellOutcome(reply.text(), reply.toolExecutions());
    }
  }

  /** Builds a {@link ShellAssistant}. Not thread-safe. */
  public static final class Builder {
    @Nullable private Provider provider;
    @Nullable private Tool shellTool;
    private ToolApprover approver = ToolApprover.DENY_ALL;
    private int maxCommands = 10;
    private Duration approvalTimeout = Duration.ofMinutes(10);

    private Builder() {}

    /** Sets the model. Required. */
    public Builder provider(Provider provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
      return this;
    }

    /** Sets the shell tool (a {@code ShellTool}) the commands run in. Required. */
    public Builder shellTool(Tool shellTool) {
      this.shellTool = Objects.requireNonNull(shellTool, "shellTool == null");
      return this;
    }

    /** Sets who approves each command; by default every command is denied. */
    public Builder approver(ToolApprover approver) {
      this.approver = Objects.requireNonNull(approver, "approver == null");
      return this;
    }

    /** Sets the most commands one run may propose; 10 by default. */
    public Builder maxCommands(int maxCommands) {
      if (maxCommands < 1) {
        throw new IllegalArgumentException("maxCommands must be positive: " + maxCommands);
      }
      this.maxCommands = maxCommands;
      return this;
    }

    /** Sets how long an approval may take before the command counts as denied; 10 min default. */
    public Builder approvalTimeout(Duration timeout) {
      this.approvalTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * Returns the assistant.
     *
     * @throws IllegalStateException when the provider or the shell tool is missing
     */
    public ShellAssistant build() {
      if (provider == null || shellTool == null) {
        throw new IllegalStateException("provider and shellTool are required");
      }
      return new ShellAssistant(this);
    }
  }
}
