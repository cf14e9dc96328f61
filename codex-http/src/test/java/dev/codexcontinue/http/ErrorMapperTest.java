package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.api.exception.ProviderTimeoutException;
import dev.codexcontinue.api.exception.ProviderUnavailableException;
import dev.codexcontinue.api.exception.RateLimitException;
import dev.codexcontinue.http.internal.RetryAfter;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ErrorMapperTest {
  private final ErrorMapper mapper = ErrorMapper.builder("openai").build();
  private final Redactor redactor = Redactor.create();

  @ParameterizedTest
  @CsvSource({
    "401, AuthenticationException",
    "403, AuthenticationException",
    "404, InvalidRequestException",
    "400, InvalidRequestException",
    "422, InvalidRequestException",
    "408, ProviderUnavailableException",
    "409, ProviderUnavailableException",
    "429, RateLimitException",
    "500, ProviderUnavailableException",
    "503, ProviderUnavailableException"
  })
  void fromResponse_status_mapsToItsExceptionType(int status, String type) {
    ProviderException e = mapper.fromResponse(error(status, "{}", Headers.of()), redactor);

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.statusCode()).hasValue(status);
  }

  @Test
  void fromResponse_openAiBody_carriesCodeTypeRequestIdAndMessage() {
    String body =
        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"tokens\",\"param\":null,"
            + "\"code\":\"rate_limit_exceeded\"}}";
    ProviderException e =
        mapper.fromResponse(error(429, body, Headers.of("x-request-id", "req_1")), redactor);

    assertThat(e).isInstanceOf(RateLimitException.class);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.errorCode()).contains("rate_limit_exceeded");
    assertThat(e.details().errorType()).contains("tokens");
    assertThat(e.requestId()).contains("req_1");
    assertThat(e.getMessage()).contains("HTTP 429 from openai: Rate limit reached");
  }

  @Test
  void fromResponse_insufficientQuota_isNotRetryable() {
    String body =
        "{\"error\":{\"message\":\"quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}";

    ProviderException e = mapper.fromResponse(error(429, body, Headers.of()), redactor);

    assertThat(e).isInstanceOf(RateLimitException.class);
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void fromResponse_azureGatewayBody_readsStringCodeAndApimRequestId() {
    String body = "{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"does not exist\"}}";

    ProviderException e =
        mapper.fromResponse(error(404, body, Headers.of("apim-request-id", "apim-1")), redactor);

    assertThat(e).isInstanceOf(InvalidRequestException.class);
    assertThat(e.errorCode()).contains("DeploymentNotFound");
    assertThat(e.requestId()).contains("apim-1");
  }

  @Test
  void readBody_ollamaAndPlainText_becomeMessages() {
    assertThat(mapper.readBody(404, "{\"error\":\"model 'x' not found\"}").message())
        .isEqualTo("model 'x' not found");
    assertThat(mapper.readBody(502, "<html>Bad gateway</html>").message())
        .isEqualTo("<html>Bad gateway</html>");
    assertThat(mapper.readBody(500, "").message()).isEmpty();
    assertThat(mapper.readBody(500, "{not json").message()).isEqualTo("{not json");
  }

  @Test
  void rule_providerMapping_winsOverTheStandardOne() {
    ErrorMapper custom =
        ErrorMapper.builder("azure-openai")
            .rule(
                (error, details, message) ->
                    error.errorBody().code().equals("content_filter")
                        ? Optional.of(new AuthenticationException(message, details, null))
                        : Optional.empty())
            .build();

    ProviderException e =
        custom.fromResponse(
            error(400, "{\"error\":{\"code\":\"content_filter\",\"message\":\"m\"}}", Headers.of()),
            redactor);

    assertThat(e).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void fromIOException_timeoutAndReset_mapToTimeoutAndUnavailable() {
    assertThat(mapper.fromIOException(new SocketTimeoutException("timeout"), "h/p", redactor))
        .isInstanceOf(ProviderTimeoutException.class);
    assertThat(mapper.fromIOException(new IOException("reset"), "h/p", redactor))
        .isExactlyInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("h/p");
  }

  @Test
  void retryAfter_forms_parseInPrecedenceOrder() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    assertThat(RetryAfter.parse(Headers.of("retry-after-ms", "1.5"), clock))
        .contains(Duration.ofNanos(1_500_000));
    assertThat(RetryAfter.parse(Headers.of("retry-after", "0.25"), clock))
        .contains(Duration.ofMillis(250));
    assertThat(RetryAfter.parse(Headers.of("retry-after", "Thu, 01 Jan 2026 00:00:07 GMT"), clock))
        .contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(Headers.of("retry-after-ms", "x", "retry-after", "2"), clock))
        .contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse(Headers.of("retry-after", "0"), clock)).isEmpty();
    assertThat(RetryAfter.parse(Headers.of("retry-after", "1d"), clock)).isEmpty();
    assertThat(RetryAfter.parse(Headers.of("retry-after", "Wed, 31 Dec 2025 00:00:00 GMT"), clock))
        .isEmpty();
  }

  private static HttpError error(int status, String body, Headers headers) {
    return new HttpError(
        status, headers, body, ErrorBodyReader.DEFAULT.read(status, body), null, false);
  }
}
