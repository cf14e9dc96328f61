package dev.codexcontinue.server.internal;

import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.server.ServerRequest;
import dev.codexcontinue.server.ServerResponse;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the route of a request, runs the guard's checks, runs the route and maps its failures. */
public final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final Guard guard;
  private final long maxBodyBytes;
  private final Metrics metrics;
  private final List<Route> routes = new ArrayList<>();

  /** Creates the dispatcher with every route of the server. */
  public Dispatcher(Backend backend, Guard guard, long maxBodyBytes, boolean playground) {
    this.guard = guard;
    this.maxBodyBytes = maxBodyBytes;
    this.metrics = backend.metrics();
    String version = Versions.current();
    ChatCompletions chat = new ChatCompletions(backend);
    OpenAiEndpoints openai = new OpenAiEndpoints(backend);
    TabbyEndpoints tabby = new TabbyEndpoints(backend, version);
    routes.add(Route.of("POST", "/v1/chat/completions", chat::handle));
    routes.add(Route.of("GET", "/v1/models", openai::models));
    routes.add(Route.of("POST", "/v1/embeddings", openai::embeddings));
    routes.add(Route.of("POST", "/v1/completions", openai::completions));
    routes.add(Route.of("POST", "/tabby/v1/completions", tabby::completions));
    routes.add(Route.of("POST", "/tabby/v1/events", tabby::events));
    routes.add(Route.of("GET", "/tabby/v1/health", tabby::health));
    routes.add(
        Route.of(
            "GET",
            "/metrics",
            ex ->
                ex.send(
                    200,
                    "text/plain; version=0.0.4; charset=utf-8",
                    metrics.scrape().getBytes(StandardCharsets.UTF_8))));
    AgentEndpoints.register(backend, version, routes);
    StaticFiles.register(playground, routes);
  }

  /** Answers one exchange; never throws. */
  public void dispatch(ServerRequest request, ServerResponse response) {
    long start = System.nanoTime();
    Exchange ex = new Exchange(request, response, maxBodyBytes);
    String routeName = "unmatched";
    try {
      Route route = find(request, ex);
      routeName = route.pattern();
      guard.checkOrigin(ex);
      if (route.open()) {
        route.action().handle(ex);
      } else {
        String key = guard.authenticate(ex);
        guard.admit(key);
        try {
          route.action().handle(ex);
        } finally {
          guard.release(key);
        }
      }
    } catch (HttpError e) {
      answer(ex, e);
    } catch (CodexException e) {
      answer(ex, Errors.of(e));
    } catch (UncheckedIOException e) {
      log.debug("client gone during {} {}: {}", request.method(), request.path(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("{} {} failed: {}", request.method(), request.path(), e.toString());
      answer(ex, HttpError.of(500, "server_error", "internal_error", "the server failed: " + e));
    } finally {
      long nanos = System.nanoTime() - start;
      metrics.request(routeName, ex.status(), nanos);
      log.debug(
          "{} {} -> {} in {} ms", request.method(), routeName, ex.status(), nanos / 1_000_000);
    }
  }

  private Route find(ServerRequest request, Exchange ex) {
    boolean pathKnown = false;
    for (Route r : routes) {
      Optional<Map<String, String>> params = r.match(request.path());
      if (params.isPresent()) {
        pathKnown = true;
        if (r.method().equals(request.method())) {
          ex.pathParams(params.get());
          return r;
        }
      }
    }
    if (pathKnown) {
      throw HttpError.of(405, "invalid_request_error", "method_not_allowed", "method not allowed");
    }
    throw HttpError.notFound("no route for " + request.method() + " " + request.path());
  }

  private static void answer(Exchange ex, HttpError e) {
    if (ex.isSent()) {
      return;
    }
    try {
      ex.error(e);
    } catch (UncheckedIOException gone) {
      log.debug("client gone before the error answer: {}", gone.toString());
    }
  }
}
