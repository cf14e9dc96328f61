package dev.codexcontinue.http;

import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.api.exception.ProviderTimeoutException;
import dev.codexcontinue.api.exception.ProviderUnavailableException;
import dev.codexcontinue.api.exception.RateLimitException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns HTTP failures into the SDK's exceptions, in one place: 401 and 403 are {@link
 * AuthenticationException}; 429 is {@link RateLimitException}, not retryable when the provider's
 * code says the quota is gone ({@code insufficient_quota} by default) or the server asked for a
 * delay above the retry cap; 408, 409 and 5xx are {@link ProviderUnavailableException}; other 4xx
 * are {@link InvalidRequestException}; timeouts are {@link ProviderTimeoutException} and other I/O
 * failures {@link ProviderUnavailableException}. Messages carry the provider's message, redacted,
 * and the details carry status, code, type, request id and {@code Retry-After}. A provider adds its
 * own exception types through a {@link Rule}. Immutable.
 */
public final class ErrorMapper {
  private static final int MAX_MESSAGE_CHARS = 2000;

  private final String provider;
  private final ErrorBodyReader bodyReader;
  private final Set<String> quotaCodes;
  private final List<String> requestIdHeaders;
  private final List<Rule> overrides;

  private ErrorMapper(Builder b) {
    this.provider = b.provider;
    this.bodyReader = b.bodyReader;
    this.quotaCodes = Set.copyOf(b.quotaCodes);
    this.requestIdHeaders = List.copyOf(b.requestIdHeaders);
    this.overrides = List.copyOf(b.overrides);
  }

  /** Returns a builder for the provider with id {@code provider}. */
  public static Builder builder(String provider) {
    return new Builder(provider);
  }

  /** Returns the provider id. */
  public String provider() {
    return provider;
  }

  /** Returns what {@code body} says, through the configured reader; never throws. */
  public ErrorBody readBody(int status, String body) {
    try {
      return bodyReader.read(status, body);
    } catch (RuntimeException e) {
      return ErrorBody.ofMessage(snippet(body));
    }
  }

  /** Returns the first request id header present in {@code headers}. */
  public Optional<String> requestId(okhttp3.Headers headers) {
    for (String name : requestIdHeaders) {
      String value = headers.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** Returns the exception for a failed response; {@code redactor} cleans its message. */
  public ProviderException fromResponse(HttpError error, Redactor redactor) {
    ErrorBody body = error.errorBody();
    ErrorDetails details =
        ErrorDetails.builder(provider)
            .statusCode(error.status())
            .errorCode(body.code())
            .errorType(body.type())
            .requestId(requestId(error.headers()).orElse(null))
            .retryAfter(error.retryAfter().orElse(null))
            .build();
    String message = message(error.status(), body, redactor);
    for (Rule override : overrides) {
      Optional<ProviderException> mapped = override.map(error, details, message);
      if (mapped.isPresent()) {
        return mapped.get();
      }
    }
    int status = error.status();
    if (status == 401 || status == 403) {
      return new AuthenticationException(message, details, null);
    }
    if (status == 429) {
      boolean quota =
          quotaCodes.contains(body.code().toLowerCase(Locale.ROOT))
              || quotaCodes.contains(body.type().toLowerCase(Locale.ROOT));
      return new RateLimitException(message, details, !quota && !error.isRetryAfterTooLong(), null);
    }
    if (status == 408 || status == 409 || status >= 500) {
      return new ProviderUnavailableException(message, details, null);
    }
    if (status >= 400) {
      return new InvalidRequestException(message, details, null);
    }
    return new ProviderException(message, details, null);
  }

  /** Returns the exception for an I/O failure before a response arrived. */
  public ProviderException fromIOException(IOException e, String target, Redactor redactor) {
    ErrorDetails details = ErrorDetails.of(provider);
    String what = redactor.redact(String.valueOf(e.getMessage()));
    if (isTimeout(e)) {
      return new ProviderTimeoutException("timed out calling " + target + ": " + what, details, e);
    }
    return new ProviderUnavailableException(
        "cannot reach " + target + ": " + e.getClass().getSimpleName() + ": " + what, details, e);
  }

  /** Returns whether {@code e} is a connect, read or call timeout. */
  public static boolean isTimeout(IOException e) {
    return e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
  }

  private String message(int status, ErrorBody body, Redactor redactor) {
    String text = body.message().isBlank() ? "(no message)" : snippet(body.message());
    return redactor.redact("HTTP " + status + " from " + provider + ": " + text);
  }

  private static String snippet(String text) {
    String s = text.strip();
    return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + "...";
  }

  @Override
  public String toString() {
    return "ErrorMapper[" + provider + ", quotaCodes=" + quotaCodes + "]";
  }

  /** A provider's own mapping, consulted before the standard one. */
  @FunctionalInterface
  public interface Rule {
    /**
     * Returns the exception for {@code error}, or empty to leave it to the standard mapping.
     *
     * @param error the failed response
     * @param details the details the standard mapping would use
     * @param message the redacted message the standard mapping would use
     */
    Optional<ProviderException> map(HttpError error, ErrorDetails details, String message);
  }

  /** Builds an {@link ErrorMapper}. Not thread-safe. */
  public static final class Builder {
    private final String provider;
    private ErrorBodyReader bodyReader = ErrorBodyReader.DEFAULT;
    private final java.util.LinkedHashSet<String> quotaCodes =
        new java.util.LinkedHashSet<>(Set.of("insufficient_quota"));
    private final java.util.ArrayList<String> requestIdHeaders =
        new java.util.ArrayList<>(
            List.of("x-request-id", "apim-request-id", "request-id", "x-ms-request-id"));
    private final java.util.ArrayList<Rule> overrides = new java.util.ArrayList<>();

    private Builder(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
    }

    /** Sets how error bodies are read; {@link ErrorBodyReader#DEFAULT} by default. */
    public Builder bodyReader(ErrorBodyReader reader) {
      this.bodyReader = Objects.requireNonNull(reader, "reader == null");
      return this;
    }

    /** Adds an error code or type that marks a 429 as an exhausted quota, not retryable. */
    public Builder quotaCode(String code) {
      quotaCodes.add(Objects.requireNonNull(code, "code == null").toLowerCase(Locale.ROOT));
      return this;
    }

    /** Adds a header that carries the provider's request id (checked after the defaults). */
    public Builder requestIdHeader(String name) {
      requestIdHeaders.add(Objects.requireNonNull(name, "name == null"));
      return this;
    }

    /** Adds a provider mapping consulted before the standard one, in the order added. */
    public Builder rule(Rule override) {
      overrides.add(Objects.requireNonNull(override, "override == null"));
      return this;
    }

    /** Returns the mapper. */
    public ErrorMapper build() {
      return new ErrorMapper(this);
    }
  }
}
