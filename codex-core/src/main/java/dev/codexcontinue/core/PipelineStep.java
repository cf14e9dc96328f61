package dev.codexcontinue.core;

/** The seven steps of one agent turn, in order. */
public enum PipelineStep {
  /** Validate the input, resolve the session, take the session's lock. */
  RECEIVE,
  /** Read the session's recent messages and the relevant long-term memories. */
  RETRIEVE_MEMORY,
  /** Choose the tools the policy allows and, when there are many, the most relevant ones. */
  MATCH_TOOLS,
  /** Render the system prompt, frame the memories, fit the history to the token budget. */
  CONSTRUCT_PROMPT,
  /** Call the model and run the tool loop until it answers or a budget stops it. */
  CALL_LLM,
  /** Append the turn to session memory and index what is worth remembering. */
  STORE_MEMORY,
  /** Assemble the reply. */
  RETURN
}
