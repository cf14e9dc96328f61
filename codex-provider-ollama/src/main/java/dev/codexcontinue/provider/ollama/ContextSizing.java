package dev.codexcontinue.provider.ollama;

/**
 * How the provider sets Ollama's {@code options.num_ctx}, the context window the server allocates
 * for a call, when the caller did not set it. Ollama's default is small (2048 or 4096 tokens,
 * depending on the server version and its {@code OLLAMA_CONTEXT_LENGTH}) and it silently drops what
 * does not fit, so a long conversation loses its beginning without an error.
 *
 * <p>The model's own context length comes from {@code /api/show}, asked once per model and cached.
 * A {@code num_ctx} set by the caller ({@code providerOption("num_ctx", n)} or the builder's {@code
 * numCtx}) always wins.
 */
public enum ContextSizing {
  /**
   * Leaves short prompts to the server's default, and for a prompt (plus room for the answer) of
   * more than 2048 estimated tokens sets {@code num_ctx} to the next power of two that holds it,
   * capped at the model's context length. Powers of two keep the number of distinct sizes small, so
   * the server seldom reloads the model. The default.
   */
  AUTO,
  /**
   * Always sets {@code num_ctx} to the model's full context length (memory-hungry on the server).
   */
  MODEL_MAXIMUM,
  /** Never sets {@code num_ctx}: the server's default applies. */
  SERVER_DEFAULT
}
