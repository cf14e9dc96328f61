package dev.codexcontinue.plugins.net.internal;

import dev.codexcontinue.plugins.net.SsrfGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import okhttp3.Dns;

/**
 * OkHttp's name lookup through the guard: every connection resolves its host here, at connect time,
 * and a blocked answer fails the connection with {@code SsrfBlockedException}. This is what defeats
 * DNS rebinding: the answer that is checked is the answer that is used.
 */
public final class GuardedDns implements Dns {
  private final SsrfGuard guard;

  /** Creates the lookup for {@code guard}. */
  public GuardedDns(SsrfGuard guard) {
    this.guard = Objects.requireNonNull(guard, "guard == null");
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    return guard.resolve(hostname);
  }
}
