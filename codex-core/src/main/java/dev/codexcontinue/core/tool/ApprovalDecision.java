package dev.codexcontinue.core.tool;

/** What a {@link ToolApprover} decided about one tool call. */
public enum ApprovalDecision {
  /** Run the call exactly as shown. */
  APPROVE,
  /** Do not run the call; the model is told "denied by user". */
  DENY
}
