package dev.codexcontinue.plugins.net.internal;

import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.http.ErrorMapper;
import java.util.Optional;

/**
 * A 3xx answer with a {@code Location}, surfaced by the transport's error mapper so that the
 * guarded transport can check the next hop before following it (OkHttp's own redirects are off).
 */
final class RedirectException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String location;

  private RedirectException(int status, String location, ErrorDetails details) {
    super("redirect " + status, details, null);
    this.status = status;
    this.location = location;
  }

  int status() {
    return status;
  }

  String location() {
    return location;
  }

  /** The error-mapper rule that turns 301, 302, 303, 307 and 308 into this exception. */
  static final ErrorMapper.Rule RULE =
      (error, details, message) -> {
        int s = error.status();
        boolean redirect = s == 301 || s == 302 || s == 303 || s == 307 || s == 308;
        return redirect
            ? error
                .header("Location")
                .map(location -> (ProviderException) new RedirectException(s, location, details))
            : Optional.empty();
      };
}
