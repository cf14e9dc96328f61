package dev.codexcontinue.core.tool;

/**
 * Asks a human (or a rule the application trusts) whether a call the policy marked {@code ask} may
 * run. The approver sees the immutable {@link ToolInvocation} that will run if it approves: later
 * changes to what the model produced cannot change it.
 *
 * <p>{@link #review} may block, for example while a dialog is open. The {@link ToolExecutor} waits
 * at most its approval timeout, then treats the call as denied; a review that throws or returns
 * {@code null} is a denial too. The executor asks about the calls of one batch one at a time, in
 * the order the model made them, on one of its worker threads.
 */
@FunctionalInterface
public interface ToolApprover {
  /** Denies every call: with it, {@code ask} means {@code deny}. */
  ToolApprover DENY_ALL = invocation -> ApprovalDecision.DENY;

  /** Approves every call; for tests and for hosts whose policy already says everything. */
  ToolApprover ALLOW_ALL = invocation -> ApprovalDecision.APPROVE;

  /**
   * Decides whether {@code invocation} may run.
   *
   * @param invocation the exact call that will run when approved
   * @return {@link ApprovalDecision#APPROVE} to run it, {@link ApprovalDecision#DENY} not to
   */
  ApprovalDecision review(ToolInvocation invocation);
}
