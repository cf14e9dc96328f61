package dev.codexcontinue.examples;

import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.tool.ToolExecution;
import java.io.PrintStream;

/** Prints what happened in an agent's turn, the same way in every example. */
public final class Transcript {
  private Transcript() {}

  /**
   * Prints each tool call of {@code reply} on one line (name, arguments, outcome and the first line
   * of the result), then the answer.
   */
  public static void print(AgentReply reply, PrintStream out) {
    for (ToolExecution e : reply.toolExecutions()) {
      out.println(
          "  tool "
              + e.call().name()
              + " "
              + e.call().arguments()
              + " -> "
              + e.outcome()
              + ": "
              + e.result().content().lines().findFirst().orElse(""));
    }
    out.println("assistant: " + reply.text());
  }
}
