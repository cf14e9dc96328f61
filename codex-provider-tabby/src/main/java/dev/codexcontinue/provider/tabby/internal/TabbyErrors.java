package dev.codexcontinue.provider.tabby.internal;

import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.api.exception.RateLimitException;
import dev.codexcontinue.http.ErrorMapper;
import dev.codexcontinue.http.HttpError;
import java.util.Optional;

/**
 * Tabby's error statuses, which mostly come with an empty body, mapped to messages that say what
 * went wrong: 400 (the model failed to generate), 401 (no or bad auth token), 405 (no chat model
 * configured), 429 (the per-user rate limit). Statuses with a body keep the standard mapping and
 * its message.
 */
public final class TabbyErrors {
  /** The error code given to a 405 from the chat endpoint. */
  public static final String NO_CHAT_MODEL = "chat_model_not_configured";

  private TabbyErrors() {}

  /** Returns the error mapper of provider {@code id}. */
  public static ErrorMapper mapper(String id) {
    return ErrorMapper.builder(id)
        .rule((error, details, message) -> map(id, error, details))
        .build();
  }

  private static Optional<ProviderException> map(String id, HttpError error, ErrorDetails details) {
    int status = error.status();
    if (status == 405) {
      return Optional.of(
          new InvalidRequestException(
              "HTTP 405 from "
                  + id
                  + ": the Tabby server has no chat model configured"
                  + " (start it with --chat-model, or use it for code completion only)",
              details.toBuilder().errorCode(NO_CHAT_MODEL).build(),
              null));
    }
    if (!error.body().isBlank()) {
      return Optional.empty();
    }
    String prefix = "HTTP " + status + " from " + id + " (empty body): ";
    return switch (status) {
      case 400 ->
          Optional.of(
              new InvalidRequestException(
                  prefix
                      + "the server could not complete this request (Tabby answers 400 when"
                      + " generation fails); its log has the cause",
                  details,
                  null));
      case 401 ->
          Optional.of(
              new AuthenticationException(
                  prefix
                      + "the auth token is missing or not valid; set TABBY_TOKEN (or"
                      + " codex.tabby.token) to a token from the Tabby web UI",
                  details,
                  null));
      case 429 ->
          Optional.of(
              new RateLimitException(
                  prefix + "the server's per-user rate limit was reached",
                  details,
                  !error.isRetryAfterTooLong(),
                  null));
      default -> Optional.empty();
    };
  }
}
