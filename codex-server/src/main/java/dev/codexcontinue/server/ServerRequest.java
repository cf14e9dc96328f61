package dev.codexcontinue.server;

import java.io.InputStream;
import java.util.Optional;

/**
 * One HTTP request as {@link CodexHttpHandler} needs it, independent of the server that received
 * it. Adapters exist for the JDK's built-in server; a servlet container implements it in a few
 * lines over {@code HttpServletRequest} (see the module's README).
 */
public interface ServerRequest {
  /** Returns the method in upper case, for example {@code POST}. */
  String method();

  /**
   * Returns the decoded path relative to where the handler is mounted, starting with {@code /},
   * without the query.
   */
  String path();

  /** Returns the raw query string without {@code ?}, or an empty string. */
  String rawQuery();

  /** Returns the first value of header {@code name} (case-insensitive). */
  Optional<String> header(String name);

  /** Returns the request body; the handler reads at most its configured cap from it. */
  InputStream body();
}
