package dev.codexcontinue.plugins.net.internal;

import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.http.ErrorMapper;
import dev.codexcontinue.http.HttpError;
import java.util.Optional;

/**
 * A 4xx or 5xx answer that a tool reports to the model as it came: status and body (already cut at
 * the transport's error-body cap). Retryable exactly when the status is (408, 409, 429, 5xx), so
 * the transport's retry policy still applies.
 */
public final class HttpStatusException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient String body;
  private final transient String contentType;

  private HttpStatusException(HttpError error, ErrorDetails details, String message) {
    super(message, details, null);
    this.status = error.status();
    this.body = error.body();
    this.contentType = error.header("Content-Type").orElse("");
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the body text, not redacted: redact it before showing it to anyone. */
  public String body() {
    return body == null ? "" : body;
  }

  /** Returns the response's content type, or an empty string. */
  public String contentType() {
    return contentType == null ? "" : contentType;
  }

  @Override
  public boolean isRetryable() {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /** The error-mapper rule that maps every status of 400 and above to this exception. */
  public static final ErrorMapper.Rule RULE =
      (error, details, message) ->
          error.status() >= 400
              ? Optional.of(new HttpStatusException(error, details, message))
              : Optional.empty();
}
