package dev.codexcontinue.provider.ollama.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Routes a request's provider options to where Ollama reads them: the endpoint's own top-level
 * fields ({@code keep_alive}, {@code think}, {@code format}, ...) stay at the top, an {@code
 * options} map is merged into {@code options}, and every other name goes into {@code options}
 * (Ollama's runtime parameters: {@code num_ctx}, {@code top_k}, {@code repeat_penalty}, ...).
 */
final class ProviderOptions {
  /** Fields the provider writes itself; an option naming one is a mistake. */
  private static final Set<String> RESERVED =
      Set.of("model", "messages", "prompt", "stream", "tools", "input");

  private ProviderOptions() {}

  /**
   * Routes {@code values} into {@code root} and {@code options}, later values winning.
   *
   * @throws IllegalArgumentException when an option names a field the provider writes
   */
  static void route(
      Map<String, Object> values, ObjectNode root, ObjectNode options, Set<String> topLevel) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      String name = e.getKey();
      Object value = e.getValue();
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException(
            "provider option '" + name + "' is written by the Ollama provider itself");
      }
      if (name.equals("options") && value instanceof Map<?, ?> map) {
        map.forEach((k, v) -> options.set(k.toString(), Json.toNode(v)));
      } else if (topLevel.contains(name)) {
        root.set(name, Json.toNode(value));
      } else {
        options.set(name, Json.toNode(value));
      }
    }
  }
}
