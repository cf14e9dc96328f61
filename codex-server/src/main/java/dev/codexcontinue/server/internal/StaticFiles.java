package dev.codexcontinue.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The playground's files and the server's OpenAPI document, from the class path. Served without a
 * token (the page asks for it), with a strict Content-Security-Policy: only this origin's scripts
 * and styles, no inline script, no framing.
 */
final class StaticFiles {
  private static final String BASE = "/dev/codexcontinue/server/playground/";
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
          + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html",
          "/app.js", "app.js",
          "/style.css", "style.css");

  private StaticFiles() {}

  static void register(boolean playground, List<Route> routes) {
    routes.add(
        new Route(
            "GET",
            "/openapi.json",
            true,
            ex -> serve(ex, "/dev/codexcontinue/server/openapi.json")));
    if (playground) {
      FILES.forEach(
          (path, file) -> routes.add(new Route("GET", path, true, ex -> serve(ex, BASE + file))));
    }
  }

  private static void serve(Exchange ex, String resource) {
    byte[] bytes;
    try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw HttpError.notFound("missing resource " + resource);
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ex.header("Content-Security-Policy", CSP);
    ex.header("X-Content-Type-Options", "nosniff");
    ex.header("Referrer-Policy", "no-referrer");
    ex.header("Cache-Control", "no-cache");
    ex.send(200, contentType(resource), bytes);
  }

  private static String contentType(String resource) {
    if (resource.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (resource.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (resource.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "application/json";
  }
}
