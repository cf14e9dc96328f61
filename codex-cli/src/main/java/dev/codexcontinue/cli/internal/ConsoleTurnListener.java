package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.cli.agents.TurnListener;
import java.io.PrintStream;

/** Prints a streamed turn: text as it arrives, and one line per tool call. */
final class ConsoleTurnListener implements TurnListener {
  private final PrintStream out;
  private final boolean showToolOutput;

  ConsoleTurnListener(PrintStream out, boolean showToolOutput) {
    this.out = out;
    this.showToolOutput = showToolOutput;
  }

  @Override
  public void onText(String text) {
    out.print(text);
    out.flush();
  }

  @Override
  public void onToolResult(ToolCall call, ToolResult result) {
    out.println();
    out.println("[tool " + call.name() + (result.isError() ? ": error]" : ": done]"));
    if (showToolOutput) {
      result.content().strip().lines().limit(20).forEach(l -> out.println("  " + l));
    }
    out.flush();
  }
}
