package dev.codexcontinue.provider.openai;

import static dev.codexcontinue.provider.openai.ProviderTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.api.exception.RateLimitException;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RecordingSleeper;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every OpenAI error fixture and every status maps to its exception, retried or not. */
@Timeout(30)
final class OpenAiErrorsTest {
  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private OpenAiProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider =
        OpenAiProvider.builder()
            .apiKey("sk-test-key")
            .baseUrl(server.url("/v1").toString())
            .model("gpt-4o-mini")
            .sleeper(sleeper)
            .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  @ParameterizedTest
  @CsvSource({
    "error-401-invalid-api-key.json, 401, AuthenticationException, invalid_api_key, 1",
    "error-400-context-length-exceeded.json, 400, InvalidRequestException, context_length_exceeded, 1",
    "error-400-unknown-parameter.json, 400, InvalidRequestException, '', 1",
    "error-429-insufficient-quota.json, 429, RateLimitException, insufficient_quota, 1",
    "error-429-rate-limit-tokens.json, 429, RateLimitException, rate_limit_exceeded, 3",
    "error-500-server-error.json, 500, ProviderUnavailableException, '', 3"
  })
  void chat_errorFixture_mapsToItsExceptionAndRetriesOnlyWhatHelps(
      String fixture, int status, String type, String code, int requests) {
    String body = text("openai/" + fixture);
    for (int i = 0; i < 3; i++) {
      server.enqueue(OpenAiResponses.json(status, body));
    }

    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> provider.chat(ChatRequest.of("hi")));

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.statusCode()).hasValue(status);
    assertThat(e.errorCode().orElse("")).isEqualTo(code);
    assertThat(e.getMessage())
        .contains(ProviderTestSupport.json(body).at("/error/message").asText().substring(0, 20));
    assertThat(server.getRequestCount()).isEqualTo(requests);
    assertThat(e.isRetryable()).isEqualTo(requests > 1);
  }

  @Test
  void chat_401HttpFixture_carriesTheRequestId() {
    server.enqueue(HttpMessages.response("openai/error-401-invalid-api-key.http"));

    AuthenticationException e =
        catchThrowableOfType(
            AuthenticationException.class, () -> provider.chat(ChatRequest.of("hi")));

    assertThat(e.requestId()).contains("req_0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    assertThat(e.errorCode()).contains("invalid_api_key");
  }

  @Test
  void chat_429HttpFixture_waitsTheRetryAfterAndCarriesIt() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(HttpMessages.response("openai/error-429-rate-limit.http"));
    }

    RateLimitException e =
        catchThrowableOfType(RateLimitException.class, () -> provider.chat(ChatRequest.of("hi")));

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(e.requestId()).contains("req_8f2b9c4d1e7a4c3b9a0d5e6f7a8b9c0d");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @ParameterizedTest
  @CsvSource({
    "403, AuthenticationException",
    "404, InvalidRequestException",
    "408, ProviderUnavailableException",
    "409, ProviderUnavailableException",
    "422, InvalidRequestException",
    "502, ProviderUnavailableException",
    "503, ProviderUnavailableException"
  })
  void chat_status_mapsToItsExceptionType(int status, String type) {
    for (int i = 0; i < 3; i++) {
      server.enqueue(OpenAiResponses.error(status));
    }

    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> provider.chat(ChatRequest.of("hi")));

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.provider()).isEqualTo("openai");
  }

  @Test
  void stream_errorStatus_failsTheListenerWithTheMappedException() {
    server.enqueue(OpenAiResponses.error(401));

    ProviderTestSupport.Recorder recorder = new ProviderTestSupport.Recorder();
    provider.stream(ChatRequest.of("hi"), recorder);
    recorder.await();

    assertThat(recorder.error).isInstanceOf(AuthenticationException.class);
    assertThat(recorder.chunks).isEmpty();
  }
}
