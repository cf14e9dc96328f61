package dev.codexcontinue.http;

import java.util.Objects;

/**
 * What a provider's error body says: a message and, where the provider sends them, its own error
 * code, type and the parameter at fault. Absent parts are empty strings.
 *
 * @param message the human-readable message, possibly empty
 * @param code the provider's error code, such as {@code rate_limit_exceeded}, or empty
 * @param type the provider's error type, such as {@code invalid_request_error}, or empty
 * @param param the request parameter at fault, or empty
 */
public record ErrorBody(String message, String code, String type, String param) {
  /** An error body that says nothing. */
  public static final ErrorBody EMPTY = new ErrorBody("", "", "", "");

  /** Checks the components. */
  public ErrorBody {
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(param, "param == null");
  }

  /** Returns an error body carrying only a message. */
  public static ErrorBody ofMessage(String message) {
    return new ErrorBody(message, "", "", "");
  }
}
