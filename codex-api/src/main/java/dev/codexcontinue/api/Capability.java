package dev.codexcontinue.api;

/**
 * What a provider can do. Calling what it cannot do throws {@code UnsupportedCapabilityException}.
 */
public enum Capability {
  /** Blocking and asynchronous chat. */
  CHAT,
  /** Streaming chat. */
  STREAMING,
  /** Tool (function) calls. */
  TOOLS,
  /** Images in user messages. */
  VISION,
  /** JSON or JSON-schema constrained output. */
  STRUCTURED_OUTPUT,
  /** Reasoning ("thinking") text separate from the answer. */
  REASONING,
  /** Text embeddings. */
  EMBEDDINGS,
  /** Code completion, fill-in-the-middle. */
  CODE_COMPLETION,
  /** Listing the models the server offers. */
  MODEL_LISTING
}
