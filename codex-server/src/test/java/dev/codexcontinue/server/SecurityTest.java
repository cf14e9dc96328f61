package dev.codexcontinue.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.test.ScriptedProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RELIABILITY.md 27: loopback by default, token, Host/Origin, body cap, rate limit. */
@Timeout(30)
final class SecurityTest {
  @Test
  void build_nonLoopbackBindWithoutToken_throwsBeforeOpeningASocket() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      // The port is taken: a bind attempt would fail with "cannot bind"; the token check comes
      // first.
      CodexServer.Builder builder =
          CodexServer.builder()
              .host("0.0.0.0")
              .port(taken.getLocalPort())
              .handler(CodexHttpHandler.builder().provider(ScriptedProvider.builder().build()));
      assertThatThrownBy(builder::build)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("bearer token");
    }
  }

  @Test
  void build_defaults_bindLoopback() {
    try (CodexServer server =
        CodexServer.builder()
            .port(0)
            .handler(CodexHttpHandler.builder().provider(ScriptedProvider.builder().build()))
            .build()) {
      assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void request_foreignHost_answers403() throws Exception {
    try (TestServer s = TestServer.start(ScriptedProvider.builder().build())) {
      String response =
          raw(
              s,
              "GET /v1/models HTTP/1.1\r\nHost: evil.example:"
                  + s.server.port()
                  + "\r\nAuthorization: Bearer "
                  + TestServer.TOKEN
                  + "\r\nConnection: close\r\n\r\n");
      assertThat(response).startsWith("HTTP/1.1 403").contains("host_not_allowed");
    }
  }

  @Test
  void request_foreignOrigin_answers403AndSameOriginPasses() throws Exception {
    try (TestServer s = TestServer.start(ScriptedProvider.builder().build())) {
      HttpResponse<String> foreign =
          s.http.send(
              s.request("/v1/models").header("Origin", "https://evil.example").GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(foreign.statusCode()).isEqualTo(403);
      assertThat(foreign.body()).contains("origin_not_allowed");
      HttpResponse<String> same =
          s.http.send(
              s.request("/v1/models").header("Origin", s.base()).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(same.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void request_missingOrWrongToken_answers401() throws Exception {
    try (TestServer s = TestServer.start(ScriptedProvider.builder().build())) {
      HttpResponse<String> none =
          s.http.send(
              HttpRequest.newBuilder(s.server.uri().resolve("/v1/models")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.body()).contains("\"code\":\"invalid_api_key\"");
      HttpResponse<String> wrong =
          s.http.send(
              HttpRequest.newBuilder(s.server.uri().resolve("/v1/models"))
                  .header("Authorization", "Bearer nope")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(wrong.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void request_fiveMebibyteBody_answers413BeforeReadingIt() throws Exception {
    try (TestServer s = TestServer.start(ScriptedProvider.builder().build())) {
      String response =
          raw(
              s,
              "POST /v1/embeddings HTTP/1.1\r\nHost: 127.0.0.1:"
                  + s.server.port()
                  + "\r\nAuthorization: Bearer "
                  + TestServer.TOKEN
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + (5 * 1024 * 1024)
                  + "\r\nConnection: close\r\n\r\n{\"input\":\"aaaa");
      assertThat(response).startsWith("HTTP/1.1 413").contains("request_too_large");
    }
  }

  @Test
  void request_chunkedBodyOverTheCap_answers413() throws Exception {
    try (TestServer s =
        TestServer.start(ScriptedProvider.builder().build(), b -> b.maxBodyBytes(1024))) {
      HttpResponse<String> r =
          s.http.send(
              s.request("/v1/embeddings")
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () ->
                              new java.io.ByteArrayInputStream(
                                  ("{\"input\":\"" + "a".repeat(4096) + "\"}")
                                      .getBytes(StandardCharsets.UTF_8))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(413);
    }
  }

  @Test
  void requests_hundredAgainstTenPerSecond_someGet429WithRetryAfterAndAllowedStayBounded()
      throws Exception {
    try (TestServer s =
        TestServer.start(ScriptedProvider.builder().build(), b -> b.rateLimit(10, 10))) {
      long start = System.nanoTime();
      int allowed = 0;
      List<String> retryAfter = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        HttpResponse<String> r = s.get("/v1/models");
        if (r.statusCode() == 200) {
          allowed++;
        } else {
          assertThat(r.statusCode()).isEqualTo(429);
          retryAfter.add(r.headers().firstValue("Retry-After").orElse(""));
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      assertThat(retryAfter).isNotEmpty().allMatch(v -> v.matches("[1-9][0-9]*"));
      assertThat(allowed).isLessThanOrEqualTo((int) (10 + 10 * elapsed + 1));
    }
  }

  private static String raw(TestServer s, String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", s.server.port())) {
      OutputStream out = socket.getOutputStream();
      socket.setSoTimeout(10_000);
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // Half-close: the server sees the end of what we send (a short body ends early).
      socket.shutdownOutput();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder response = new StringBuilder();
      String line;
      while ((line = in.readLine()) != null) {
        response.append(line).append('\n');
      }
      return response.toString();
    }
  }
}
