package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.exception.AuthenticationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RELIABILITY 25: secrets never reach logs, exception messages or toString. */
final class RedactionTest {
  private static final String KEY = "gsk_TEST_SECRET_123";

  private final MockWebServer server = new MockWebServer();
  private HttpTransport transport;

  @BeforeEach
  void start() throws Exception {
    server.start();
    transport =
        HttpTransport.builder("test")
            .redactor(Redactor.create().register(Secret.of(KEY)))
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(transport);
    transport.close();
    server.close();
  }

  @Test
  void execute_401EchoingTheKey_keyAppearsNowhere() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .body(
                "{\"error\":{\"message\":\"Incorrect API key provided: "
                    + KEY
                    + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")
            .build());

    AuthenticationException e =
        catchThrowableOfType(
            AuthenticationException.class,
            () ->
                transport.execute(
                    HttpCall.post(server.url("/v1/chat").toString())
                        .header("Authorization", "Bearer " + KEY)
                        .jsonBody("{\"note\":\"" + KEY + "\"}")
                        .build()));

    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(e.getMessage()).contains("Incorrect API key provided: ****").doesNotContain(KEY);
    assertThat(e.toString()).doesNotContain(KEY);
    assertThat(trace.toString()).doesNotContain(KEY);
    assertThat(e.errorCode()).contains("invalid_api_key");
    Path log = Path.of("target/test-sdk.log");
    assertThat(log).exists();
    String logged = Files.readString(log);
    assertThat(logged).contains("status=401").doesNotContain(KEY);
    assertThat(transport.redactor().toString()).doesNotContain(KEY);
  }

  @Test
  void redact_headers_masksCredentialHeadersWhole() {
    Redactor redactor = Redactor.create().register("abcd-secret");
    Headers headers =
        Headers.of(
            "Authorization", "Bearer x",
            "API-KEY", "k",
            "X-Api-Key", "k",
            "Proxy-Authorization", "p",
            "Cookie", "c",
            "Set-Cookie", "s",
            "x-amz-security-token", "t",
            "X-Note", "has abcd-secret inside");

    String shown = redactor.redact(headers);

    assertThat(shown)
        .contains("Authorization: ****", "API-KEY: ****", "X-Api-Key: ****", "Cookie: ****")
        .contains("Proxy-Authorization: ****", "Set-Cookie: ****", "x-amz-security-token: ****")
        .contains("X-Note: has **** inside");
  }

  @Test
  void redact_overlappingSecrets_masksTheLongestWhole() {
    Redactor redactor = Redactor.create().register("abcd").register("abcdef123").register("ab");

    assertThat(redactor.redact("x abcdef123 abcd ab")).isEqualTo("x **** **** ab");
  }
}
