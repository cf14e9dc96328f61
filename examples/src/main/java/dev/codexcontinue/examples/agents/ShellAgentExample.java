package dev.codexcontinue.examples.agents;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.cli.agents.ShellAssistant;
import dev.codexcontinue.cli.agents.ShellOutcome;
import dev.codexcontinue.cli.agents.TurnListener;
import dev.codexcontinue.core.tool.ApprovalDecision;
import dev.codexcontinue.core.tool.ToolApprover;
import dev.codexcontinue.examples.ExampleProviders;
import dev.codexcontinue.plugins.shell.SandboxMode;
import dev.codexcontinue.plugins.shell.ShellTool;
import dev.codexcontinue.test.ScriptedProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The shell agent: works towards a goal with commands it proposes, each run only after you type
 * {@code y}, in the shell tool (sandboxed by bubblewrap where it works).
 *
 * <pre>
 * ./mvnw -q -pl examples -am package -DskipTests exec:java \
 *   -Dexec.mainClass=dev.codexcontinue.examples.agents.ShellAgentExample \
 *   -Dexec.args="which file here is the largest?"
 * </pre>
 */
public final class ShellAgentExample {
  private ShellAgentExample() {}

  /** Works towards the goal given as arguments, in the current directory. */
  public static void main(String[] args) {
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    ToolApprover askUser =
        invocation -> {
          System.out.print("\nRun `" + invocation.description() + "`? [y/N] ");
          System.out.flush();
          try {
            String answer = stdin.readLine();
            return answer != null && answer.strip().equalsIgnoreCase("y")
                ? ApprovalDecision.APPROVE
                : ApprovalDecision.DENY;
          } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    try (Provider model =
        ExampleProviders.configuredOr(
            Settings.fromEnvironment(),
            System.out,
            "a scripted model that proposes `ls`",
            () ->
                ScriptedProvider.builder()
                    .toolCall("shell", "{\"command\":[\"ls\"]}")
                    .reply("(scripted) Those are the files here.")
                    .build())) {
      run(model, Path.of(""), String.join(" ", args), askUser, System.out);
    }
  }

  /** Works towards {@code goal} in {@code workspace}; {@code approver} decides on each command. */
  public static ShellOutcome run(
      Provider model, Path workspace, String goal, ToolApprover approver, PrintStream out) {
    ShellTool shell =
        ShellTool.builder()
            .workspace(workspace.toAbsolutePath())
            .sandbox(SandboxMode.OPTIONAL)
            .build();
    ShellAssistant assistant =
        ShellAssistant.builder().provider(model).shellTool(shell).approver(approver).build();
    ShellOutcome outcome =
        assistant.run(
            goal,
            new TurnListener() {
              @Override
              public void onText(String text) {
                out.print(text);
              }

              @Override
              public void onToolResult(
                  dev.codexcontinue.api.ToolCall call, dev.codexcontinue.api.ToolResult result) {
                out.println("\n$ " + shell.describeCall(call) + "\n" + result.content().strip());
              }
            });
    out.println();
    out.println(outcome.ranCount() + " command(s) ran, " + outcome.deniedCount() + " denied");
    return outcome;
  }
}
