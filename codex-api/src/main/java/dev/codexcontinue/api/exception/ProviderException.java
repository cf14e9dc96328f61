package dev.codexcontinue.api.exception;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.annotation.Nullable;

/**
 * A provider refused or failed a call. Subclasses say why; {@link #details()} says who answered and
 * with what status, code and request id.
 */
public class ProviderException extends CodexException {
  private static final long serialVersionUID = 1L;

  private final ErrorDetails details;

  /** Creates an exception whose message is {@code message} followed by the details. */
  public ProviderException(String message, ErrorDetails details, @Nullable Throwable cause) {
    super(message + " (" + Objects.requireNonNull(details, "details == null") + ")", cause);
    this.details = details;
  }

  /** Returns what the provider told us about the failure. */
  public ErrorDetails details() {
    return details;
  }

  /** Returns the provider id. */
  public String provider() {
    return details.provider();
  }

  /** Returns the HTTP status, when there was a response. */
  public OptionalInt statusCode() {
    return details.statusCode();
  }

  /** Returns the provider's request id. */
  public Optional<String> requestId() {
    return details.requestId();
  }

  /** Returns the provider's error code. */
  public Optional<String> errorCode() {
    return details.errorCode();
  }
}
