package dev.codexcontinue.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer that answers by path, speaking a provider's protocol: queued answers per path
 * (the last one repeats), and every request recorded with its body.
 */
final class ProviderServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final Map<String, Deque<MockResponse>> answers = new ConcurrentHashMap<>();
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

  /** A request the server saw. */
  record Seen(String method, String path, String body) {}

  ProviderServer() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String accept = request.getHeaders().get("Accept");
            // GitHub serves a pull request's diff at the pull request's own path.
            String path =
                request.getUrl().encodedPath()
                    + (accept != null && accept.contains("diff") ? "#diff" : "");
            seen.add(
                new Seen(
                    request.getMethod(),
                    path,
                    request.getBody() == null ? "" : request.getBody().utf8()));
            Deque<MockResponse> queue = answers.get(path);
            if (queue == null || queue.isEmpty()) {
              return new MockResponse.Builder()
                  .code(404)
                  .body("{\"error\":\"no such path\"}")
                  .build();
            }
            synchronized (queue) {
              return queue.size() > 1 ? queue.poll() : queue.peek();
            }
          }
        });
    server.start();
  }

  String url(String path) {
    return server.url(path).toString();
  }

  /** Answers {@code path} with JSON. */
  ProviderServer json(String path, String body) {
    return answer(
        path,
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  /** Answers {@code path} with a server-sent event stream. */
  ProviderServer sse(String path, String body) {
    return answer(
        path,
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/event-stream")
            .body(body)
            .build());
  }

  /** Answers {@code path} with newline-delimited JSON. */
  ProviderServer ndjson(String path, String body) {
    return answer(
        path,
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/x-ndjson")
            .body(body)
            .build());
  }

  ProviderServer answer(String path, MockResponse response) {
    answers.computeIfAbsent(path, p -> new ArrayDeque<>()).add(response);
    return this;
  }

  /** Returns the requests to {@code path}, in order. */
  List<Seen> requests(String path) {
    synchronized (seen) {
      return seen.stream().filter(s -> s.path().equals(path)).toList();
    }
  }

  /** Sets up an OpenAI-compatible server under {@code /v1} that lists one model. */
  static ProviderServer openAi() throws IOException {
    ProviderServer s = new ProviderServer();
    s.json(
        "/v1/models",
        "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}]}");
    return s;
  }

  /** Sets up an Ollama server that lists the fixture's models. */
  static ProviderServer ollama() throws IOException {
    ProviderServer s = new ProviderServer();
    s.json("/api/tags", fixture("ollama/tags.response.json"));
    s.json("/api/show", fixture("ollama/show.response.json"));
    return s;
  }

  static String fixture(String name) {
    try (InputStream in = ProviderServer.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
