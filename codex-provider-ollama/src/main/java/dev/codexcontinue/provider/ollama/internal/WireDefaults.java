package dev.codexcontinue.provider.ollama.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.annotation.Nullable;

/**
 * Values the provider's builder sets for every call; provider options of a request override them.
 *
 * @param keepAlive {@code keep_alive}: a Go duration string or a number of seconds, or null
 * @param numCtx a fixed {@code options.num_ctx}, or null to size it by the {@code ContextSizing}
 * @param truncateEmbeddings {@code truncate} of embedding calls, or null for the server's default
 */
public record WireDefaults(
    @Nullable Object keepAlive, @Nullable Integer numCtx, @Nullable Boolean truncateEmbeddings) {
  /** Sets the defaults that apply to chat and generate bodies. */
  void apply(ObjectNode root, ObjectNode options) {
    if (keepAlive != null) {
      root.set("keep_alive", Json.toNode(keepAlive));
    }
    if (numCtx != null) {
      options.put("num_ctx", numCtx);
    }
  }
}
