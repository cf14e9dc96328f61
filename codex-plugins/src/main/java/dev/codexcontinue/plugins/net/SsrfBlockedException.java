package dev.codexcontinue.plugins.net;

import java.net.UnknownHostException;
import java.util.Objects;

/**
 * A host was refused because it is, or resolves to, an address a tool must not reach. It extends
 * {@link UnknownHostException} so that OkHttp's {@code Dns} may throw it at connect time, which is
 * where DNS rebinding is caught.
 */
public final class SsrfBlockedException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  private final String host;

  /** Creates the exception for {@code host}, with the reason it was refused. */
  public SsrfBlockedException(String host, String reason) {
    super("blocked " + Objects.requireNonNull(host, "host == null") + ": " + reason);
    this.host = host;
  }

  /** Returns the host that was refused. */
  public String host() {
    return host;
  }
}
