package dev.codexcontinue.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One endpoint: a method, a path pattern whose {@code {name}} segments match one path segment, and
 * whether it needs the bearer token.
 *
 * @param method the HTTP method
 * @param pattern the path pattern, for example {@code /api/sessions/{id}/messages}
 * @param open whether it is served without a token (the playground's static files)
 * @param action what it does
 */
public record Route(String method, String pattern, boolean open, Action action) {
  /** The work of a route. */
  @FunctionalInterface
  public interface Action {
    /** Handles the exchange; throws {@link HttpError} to answer an error. */
    void handle(Exchange exchange) throws Exception;
  }

  /** Returns a route that needs the token. */
  public static Route of(String method, String pattern, Action action) {
    return new Route(method, pattern, false, action);
  }

  /** Returns the path parameters when {@code path} matches the pattern. */
  public Optional<Map<String, String>> match(String path) {
    String[] want = pattern.split("/", -1);
    String[] got = path.split("/", -1);
    if (want.length != got.length) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < want.length; i++) {
      if (want[i].startsWith("{") && want[i].endsWith("}")) {
        if (got[i].isEmpty()) {
          return Optional.empty();
        }
        params.put(want[i].substring(1, want[i].length() - 1), got[i]);
      } else if (!want[i].equals(got[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}
