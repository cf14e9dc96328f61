package dev.codexcontinue.plugins.shell;

import dev.codexcontinue.api.ToolSpec;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the spec of a shell tool: what the model is told, and the JSON Schema of its arguments.
 */
final class ShellSpecs {
  private static final String SCHEMA =
      """
      {"type":"object","properties":{
      "command":{"type":"array","minItems":1,"maxItems":256,
      "items":{"type":"string","maxLength":16384},
      "description":"The program and its arguments, one array item each, e.g. [\\"git\\",\\"status\\",\\"--short\\"]. No shell parses them."},
      "cwd":{"type":"string","maxLength":4096,
      "description":"Working directory relative to the workspace; the workspace by default."},
      "timeout_seconds":{"type":"integer","minimum":1,"maximum":600,
      "description":"Seconds before the command is killed; DEFAULT by default."}},
      "required":["command"],"additionalProperties":false}""";

  private ShellSpecs() {}

  static ToolSpec spec(
      String name, Set<String> allowed, boolean shellSyntax, Sandbox sandbox, long timeoutSeconds) {
    StringBuilder d = new StringBuilder();
    d.append("Runs one program with its arguments in the workspace and returns its exit code and")
        .append(" output. There is no shell: pipes, redirections, globs, ';' and $VARS are passed")
        .append(" as literal text. Read-only commands run at once: ")
        .append(String.join(", ", new TreeSet<>(ShellTool.READ_ONLY_COMMANDS)))
        .append(" (git: status, log, diff, show, branch listing; sed: only -n Np).");
    if (!allowed.isEmpty()) {
      d.append(" These run after the user approves: ")
          .append(String.join(", ", new TreeSet<>(allowed)))
          .append('.');
    }
    if (shellSyntax) {
      d.append(" Shells (sh -c '...') run after the user approves.");
    }
    d.append(" Options that run other programs or write files (find -exec, git -c, rg --pre...)")
        .append(" are refused. Standard input is empty; output is capped.");
    if (sandbox != Sandbox.NONE) {
      d.append(" Commands run in a sandbox (")
          .append(sandbox.name().toLowerCase(Locale.ROOT))
          .append("): no network, only the workspace is writable.");
    }
    return new ToolSpec(
        name, d.toString(), SCHEMA.replace("DEFAULT", timeoutSeconds + " s").replace("\n", ""));
  }
}
