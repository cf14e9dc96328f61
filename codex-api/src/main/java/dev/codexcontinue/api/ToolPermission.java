package dev.codexcontinue.api;

/** What a tool policy decides for a tool call. Deny beats ask, ask beats allow. */
public enum ToolPermission {
  /** Run without asking. */
  ALLOW,
  /** Run only after the approval hook says yes. */
  ASK,
  /** Never run, and do not advertise the tool to the model. */
  DENY
}
