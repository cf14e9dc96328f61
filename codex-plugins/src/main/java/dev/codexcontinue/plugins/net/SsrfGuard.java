package dev.codexcontinue.plugins.net;

import dev.codexcontinue.plugins.net.internal.BlockedRanges;
import dev.codexcontinue.plugins.net.internal.IpLiteral;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Decides whether a tool may request a URL, before anything is sent: the scheme is {@code http} or
 * {@code https}; the URL carries no user info; the host, written as a literal in any notation or
 * resolved through DNS, is no loopback, private, link-local (cloud metadata), shared, multicast or
 * reserved address (see the package documentation). The same checks run again inside OkHttp's
 * {@code Dns} at connect time, and again for every redirect hop, so a name that resolves to a
 * public address at check time and to a private one at connect time is still refused.
 *
 * <p>Hosts the operator configured, such as a self-hosted search server on the local network, can
 * be trusted one by one with {@link Builder#trustHost}; nothing is trusted by default, and model
 * input must never reach that list. A proxy resolves names where the guard cannot see them, so a
 * tool whose client uses a proxy is disabled unless {@link Builder#allowProxy} is set.
 *
 * <p>Immutable and thread-safe.
 */
public final class SsrfGuard {
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
  private static final SsrfGuard DEFAULTS = builder().build();

  private final HostResolver resolver;
  private final Set<String> trustedHosts;
  private final boolean allowProxy;
  private final int maxRedirects;

  private SsrfGuard(Builder b) {
    this.resolver = b.resolver;
    this.trustedHosts = Set.copyOf(b.trustedHosts);
    this.allowProxy = b.allowProxy;
    this.maxRedirects = b.maxRedirects;
  }

  /** Returns a guard with the system resolver, no trusted host and proxies refused. */
  public static SsrfGuard defaults() {
    return DEFAULTS;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder pre-filled with this guard's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.resolver = resolver;
    b.trustedHosts.addAll(trustedHosts);
    b.allowProxy = allowProxy;
    b.maxRedirects = maxRedirects;
    return b;
  }

  /**
   * Checks {@code url}: scheme, user info, and the host's literal or resolved addresses. Never
   * connects; resolving a name is the only I/O.
   */
  public SsrfDecision check(String url) {
    Objects.requireNonNull(url, "url == null");
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      Matcher m = SCHEME.matcher(url);
      if (m.find() && !isHttp(m.group(1))) {
        return SsrfDecision.deny(url, "scheme '" + m.group(1) + "' is not allowed, only http(s)");
      }
      return SsrfDecision.deny(url, "not a valid http(s) URL");
    }
    return check(parsed, false);
  }

  /**
   * Checks a parsed URL. With {@code proxied}, names are not resolved here (the proxy resolves
   * them) and only literal addresses are judged.
   */
  public SsrfDecision check(HttpUrl url, boolean proxied) {
    Objects.requireNonNull(url, "url == null");
    String shown = url.toString();
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      return SsrfDecision.deny(shown, "URLs with user info are not allowed");
    }
    if (isTrusted(url.host(), url.port())) {
      return SsrfDecision.allow(shown);
    }
    IpLiteral.Kind kind = IpLiteral.classify(url.host());
    if (kind instanceof IpLiteral.Invalid invalid) {
      return SsrfDecision.deny(shown, invalid.reason());
    }
    if (kind instanceof IpLiteral.Literal literal) {
      return BlockedRanges.reason(literal.address())
          .map(reason -> SsrfDecision.deny(shown, reason))
          .orElseGet(() -> SsrfDecision.allow(shown));
    }
    if (isLocalName(url.host())) {
      return SsrfDecision.deny(shown, "'localhost' names are loopback");
    }
    if (proxied) {
      return SsrfDecision.allow(shown);
    }
    try {
      resolve(url.host());
      return SsrfDecision.allow(shown);
    } catch (SsrfBlockedException e) {
      return SsrfDecision.deny(shown, String.valueOf(e.getMessage()));
    } catch (UnknownHostException e) {
      return SsrfDecision.deny(shown, "cannot resolve host '" + url.host() + "'");
    }
  }

  /**
   * Resolves {@code host} and returns its addresses if every one of them may be reached; this is
   * what the guarded OkHttp {@code Dns} does at connect time.
   *
   * @throws SsrfBlockedException when the host is, or resolves to, a blocked address
   * @throws UnknownHostException when the name does not resolve
   */
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    Objects.requireNonNull(host, "host == null");
    IpLiteral.Kind kind = IpLiteral.classify(host);
    if (kind instanceof IpLiteral.Invalid invalid) {
      throw new SsrfBlockedException(host, invalid.reason());
    }
    if (kind instanceof IpLiteral.Literal literal) {
      if (!isTrustedName(host)) {
        Optional<String> reason = BlockedRanges.reason(literal.address());
        if (reason.isPresent()) {
          throw new SsrfBlockedException(host, reason.get());
        }
      }
      return List.of(literal.address());
    }
    if (isTrustedName(host)) {
      return List.copyOf(resolver.resolve(host));
    }
    if (isLocalName(host)) {
      throw new SsrfBlockedException(host, "'localhost' names are loopback");
    }
    List<InetAddress> addresses = List.copyOf(resolver.resolve(host));
    if (addresses.isEmpty()) {
      throw new UnknownHostException(host);
    }
    for (InetAddress address : addresses) {
      Optional<String> reason = BlockedRanges.reason(address);
      if (reason.isPresent()) {
        throw new SsrfBlockedException(host, "resolves to " + reason.get());
      }
    }
    return addresses;
  }

  /** Returns whether a proxy may be used; when not, a tool behind a proxy is disabled. */
  public boolean allowsProxy() {
    return allowProxy;
  }

  /** Returns how many redirects a request may follow. */
  public int maxRedirects() {
    return maxRedirects;
  }

  /** Returns whether {@code host} (on any port) is trusted by configuration. */
  private boolean isTrustedName(String host) {
    String h = normalize(host);
    return trustedHosts.stream().anyMatch(t -> t.equals(h) || t.startsWith(h + ":"));
  }

  private boolean isTrusted(String host, int port) {
    String h = normalize(host);
    return trustedHosts.contains(h) || trustedHosts.contains(h + ":" + port);
  }

  private static boolean isLocalName(String host) {
    String h = normalize(host);
    return h.equals("localhost") || h.endsWith(".localhost");
  }

  private static String normalize(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  private static boolean isHttp(String scheme) {
    return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
  }

  @Override
  public String toString() {
    return "SsrfGuard[trusted=" + trustedHosts + ", allowProxy=" + allowProxy + "]";
  }

  /** Builds an {@link SsrfGuard}. Not thread-safe. */
  public static final class Builder {
    private HostResolver resolver = HostResolver.SYSTEM;
    private final Set<String> trustedHosts = new LinkedHashSet<>();
    private boolean allowProxy;
    private int maxRedirects = 5;

    private Builder() {}

    /** Sets how names are resolved; the JVM's resolver by default. */
    public Builder resolver(HostResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver == null");
      return this;
    }

    /**
     * Trusts a host the operator configured, {@code host} or {@code host:port}: its addresses are
     * not checked, so a self-hosted service on the local network (or a test server on loopback) can
     * be reached. Nothing is trusted by default. Never pass model input here.
     */
    public Builder trustHost(String hostOrHostPort) {
      Objects.requireNonNull(hostOrHostPort, "hostOrHostPort == null");
      String entry = hostOrHostPort.strip().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        throw new IllegalArgumentException("trusted host is blank");
      }
      trustedHosts.add(entry.startsWith("[") ? entry.replaceFirst("^\\[(.*)]", "$1") : entry);
      return this;
    }

    /**
     * Allows requests through a proxy (configured on the client or the JVM); off by default, since
     * the proxy resolves names where the guard cannot check them. With it, only literal addresses
     * are judged.
     */
    public Builder allowProxy(boolean allowProxy) {
      this.allowProxy = allowProxy;
      return this;
    }

    /** Sets how many redirects a request may follow; 5 by default, 0 follows none. */
    public Builder maxRedirects(int maxRedirects) {
      if (maxRedirects < 0 || maxRedirects > 20) {
        throw new IllegalArgumentException("maxRedirects must be in [0, 20]");
      }
      this.maxRedirects = maxRedirects;
      return this;
    }

    /** Returns the guard. */
    public SsrfGuard build() {
      return new SsrfGuard(this);
    }
  }
}
