package dev.codexcontinue.cli.internal;

import dev.codexcontinue.core.tool.ApprovalDecision;
import dev.codexcontinue.core.tool.ToolApprover;
import dev.codexcontinue.core.tool.ToolInvocation;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks the user about each tool call the policy marks {@code ask}, showing the exact call that will
 * run; counts the denials so that a command can exit with {@code 4}.
 */
final class PromptingApprover implements ToolApprover {
  private final UserInput input;
  private final PrintStream out;
  private final AtomicInteger denied = new AtomicInteger();

  PromptingApprover(UserInput input, PrintStream out) {
    this.input = input;
    this.out = out;
  }

  @Override
  public synchronized ApprovalDecision review(ToolInvocation invocation) {
    out.println();
    out.println("[approval] " + invocation.toolName() + ": " + invocation.description());
    out.flush();
    if (input.confirm("Run it?")) {
      return ApprovalDecision.APPROVE;
    }
    denied.incrementAndGet();
    out.println("[denied]");
    return ApprovalDecision.DENY;
  }

  /** Returns how many calls the user denied. */
  int deniedCount() {
    return denied.get();
  }
}
