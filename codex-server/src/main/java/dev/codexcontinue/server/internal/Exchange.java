package dev.codexcontinue.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.server.ServerRequest;
import dev.codexcontinue.server.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One request and its response, with the body cap and the JSON and error writers. */
public final class Exchange {
  private final ServerRequest request;
  private final ServerResponse response;
  private final long maxBodyBytes;
  private final Map<String, String> pathParams = new LinkedHashMap<>();
  private int status;
  private boolean sent;

  Exchange(ServerRequest request, ServerResponse response, long maxBodyBytes) {
    this.request = request;
    this.response = response;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Returns the request. */
  public ServerRequest request() {
    return request;
  }

  /** Returns a path parameter matched by the route. */
  public String pathParam(String name) {
    String v = pathParams.get(name);
    if (v == null) {
      throw new IllegalStateException("no path parameter " + name);
    }
    return v;
  }

  void pathParams(Map<String, String> params) {
    pathParams.putAll(params);
  }

  /** Returns a decoded query parameter. */
  public Optional<String> query(String name) {
    for (String pair : request.rawQuery().split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        return Optional.of(
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the whole body, at most the cap.
   *
   * @throws HttpError 413 when the body is larger than the cap
   */
  public byte[] body() {
    request
        .header("Content-Length")
        .ifPresent(
            length -> {
              try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                  throw tooLarge();
                }
              } catch (NumberFormatException e) {
                throw HttpError.badRequest("invalid_content_length", "bad Content-Length");
              }
            });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = request.body()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + (long) n > maxBodyBytes) {
          throw tooLarge();
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the request body failed", e);
    }
    return out.toByteArray();
  }

  /** Reads the body as a JSON object. */
  public ObjectNode jsonBody() {
    return Json.parseObject(body());
  }

  private HttpError tooLarge() {
    return HttpError.of(
        413,
        "invalid_request_error",
        "request_too_large",
        "the request body is larger than " + maxBodyBytes + " bytes");
  }

  /** Sets a response header. */
  public void header(String name, String value) {
    response.header(name, value);
  }

  /** Writes a JSON answer. */
  public void json(int statusCode, JsonNode body) {
    send(statusCode, "application/json", Json.bytes(body));
  }

  /** Writes a body of {@code contentType}. */
  public void send(int statusCode, String contentType, byte[] body) {
    if (body.length > 0) {
      response.header("Content-Type", contentType);
    }
    try (OutputStream out = open(statusCode, body.length)) {
      out.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("the client is gone", e);
    }
  }

  /** Answers with no body. */
  public void empty(int statusCode) {
    send(statusCode, "text/plain", new byte[0]);
  }

  /** Writes the error in OpenAI's shape. */
  public void error(HttpError error) {
    error
        .retryAfter()
        .ifPresent(d -> response.header("Retry-After", Long.toString(ceilSeconds(d.toMillis()))));
    json(error.status(), error.toJson());
  }

  private static long ceilSeconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }

  /** Opens a streamed body of {@code contentType} and returns it; the caller closes it. */
  public OutputStream stream(int statusCode, String contentType) throws IOException {
    response.header("Content-Type", contentType);
    response.header("Cache-Control", "no-cache");
    response.header("X-Accel-Buffering", "no");
    return open(statusCode, -1);
  }

  private OutputStream open(int statusCode, long length) throws IOException {
    if (sent) {
      throw new IllegalStateException("the response was already sent");
    }
    sent = true;
    status = statusCode;
    return response.send(statusCode, length);
  }

  /** Returns whether the status line went out. */
  public boolean isSent() {
    return sent;
  }

  /** Returns the status sent, or 0. */
  public int status() {
    return status;
  }
}
