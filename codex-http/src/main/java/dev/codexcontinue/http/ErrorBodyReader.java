package dev.codexcontinue.http;

import dev.codexcontinue.http.internal.JsonErrorBodies;

/**
 * Reads a provider's error body. Providers whose bodies differ from the common shapes supply their
 * own; implementations must not throw and return {@link ErrorBody#EMPTY} for bodies they cannot
 * read.
 */
@FunctionalInterface
public interface ErrorBodyReader {
  /**
   * Reads the shapes most servers use: {@code {"error":{"message","type","code","param"}}} (OpenAI,
   * Azure OpenAI, vLLM and most OpenAI-compatible servers, with numeric or string codes), {@code
   * {"error":"..."}} (Ollama), {@code {"message":"...","code":...}}, and plain text.
   */
  ErrorBodyReader DEFAULT = JsonErrorBodies::read;

  /** Returns what {@code body} (the first bytes of an error response, as text) says. */
  ErrorBody read(int status, String body);
}
