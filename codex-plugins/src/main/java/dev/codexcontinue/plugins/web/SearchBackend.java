package dev.codexcontinue.plugins.web;

import java.util.List;

/**
 * A web search engine behind the {@code web_search} tool. Implementations are thread-safe and
 * report failures with {@link dev.codexcontinue.api.exception.CodexException}s whose messages are
 * fit for the model (no secrets).
 */
public interface SearchBackend extends AutoCloseable {
  /** Returns the backend's short name, for example {@code searxng}. */
  String name();

  /**
   * Returns at most {@code maxResults} hits for {@code query}, best first; empty when nothing
   * matched.
   *
   * @throws dev.codexcontinue.api.exception.CodexException when the engine cannot be asked
   */
  List<SearchResult> search(String query, int maxResults);

  /**
   * Returns what a search for {@code query} sends, for the approver and policy patterns: method and
   * URL, never a credential.
   */
  String describe(String query, int maxResults);

  /** Releases the backend's connections; the default does nothing. */
  @Override
  default void close() {}
}
