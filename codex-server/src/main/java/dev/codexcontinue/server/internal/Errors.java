package dev.codexcontinue.server.internal;

import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.api.exception.OverloadedException;
import dev.codexcontinue.api.exception.ProviderTimeoutException;
import dev.codexcontinue.api.exception.RateLimitException;
import dev.codexcontinue.api.exception.UnsupportedCapabilityException;
import java.time.Duration;

/** Maps the SDK's exceptions to HTTP answers in OpenAI's error shape. */
public final class Errors {
  private Errors() {}

  /** Returns the HTTP error for a failure of the agent or its provider. */
  public static HttpError of(CodexException e) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof InvalidRequestException) {
      return HttpError.badRequest("invalid_request", message);
    }
    if (e instanceof UnsupportedCapabilityException) {
      return HttpError.of(501, "invalid_request_error", "unsupported", message);
    }
    if (e instanceof RateLimitException r) {
      return HttpError.tooManyRequests(
          "upstream_rate_limited", message, r.retryAfter().orElse(Duration.ofSeconds(1)));
    }
    if (e instanceof OverloadedException) {
      return HttpError.of(503, "server_error", "overloaded", message);
    }
    if (e instanceof ProviderTimeoutException) {
      return HttpError.of(504, "server_error", "upstream_timeout", message);
    }
    if (e instanceof CancelledException) {
      return HttpError.of(499, "server_error", "cancelled", message);
    }
    if (e instanceof AuthenticationException || e instanceof ConfigurationException) {
      // The upstream key is the server's business, not the client's: never a 401 to the client.
      return HttpError.of(502, "server_error", "upstream_misconfigured", message);
    }
    return HttpError.of(502, "server_error", "upstream_error", message);
  }
}
