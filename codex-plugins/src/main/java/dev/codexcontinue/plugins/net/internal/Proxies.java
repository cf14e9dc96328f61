package dev.codexcontinue.plugins.net.internal;

import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;
import okhttp3.OkHttpClient;

/** Finds out whether a client would send its calls through a proxy. */
final class Proxies {
  private static final List<URI> PROBES =
      List.of(URI.create("http://example.com/"), URI.create("https://example.com/"));

  private Proxies() {}

  /** Returns the proxy {@code client} would use, or empty when it connects directly. */
  static Optional<String> configured(OkHttpClient client) {
    @Nullable Proxy proxy = client.proxy();
    if (proxy != null) {
      return proxy.type() == Proxy.Type.DIRECT ? Optional.empty() : Optional.of(proxy.toString());
    }
    ProxySelector selector = client.proxySelector();
    for (URI probe : PROBES) {
      try {
        for (Proxy p : selector.select(probe)) {
          if (p.type() != Proxy.Type.DIRECT) {
            return Optional.of(p.toString());
          }
        }
      } catch (RuntimeException e) {
        return Optional.of("a proxy selector that fails: " + e);
      }
    }
    return Optional.empty();
  }
}
