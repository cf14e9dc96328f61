package dev.codexcontinue.provider.ollama.internal;

import java.util.Locale;

/**
 * Reads a server address the way Ollama's own client reads {@code OLLAMA_HOST}: {@code host},
 * {@code host:port}, {@code :port}, {@code [::1]:port} or a full {@code http(s)://} URL, with an
 * optional path (a proxy prefix). Without a scheme it is {@code http} on port 11434; with {@code
 * http://} or {@code https://} and no port, the scheme's port. The wildcard bind addresses {@code
 * 0.0.0.0} and {@code ::} (often set for the server itself) mean this machine.
 */
public final class OllamaHost {
  /** The default base URL of a local server. */
  public static final String DEFAULT = "http://localhost:11434";

  private OllamaHost() {}

  /**
   * Returns the base URL, without a trailing slash, for an {@code OLLAMA_HOST} value.
   *
   * @throws IllegalArgumentException when the value names another scheme or a bad port
   */
  public static String baseUrl(String value) {
    String s = value.strip();
    if (s.isEmpty()) {
      return DEFAULT;
    }
    String scheme = "http";
    String defaultPort = "11434";
    int sep = s.indexOf("://");
    if (sep >= 0) {
      scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
      s = s.substring(sep + 3);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("OLLAMA_HOST must be http or https, was " + scheme);
      }
      defaultPort = scheme.equals("https") ? "443" : "80";
    } else if (s.equalsIgnoreCase("ollama.com")) {
      scheme = "https";
      defaultPort = "443";
    }
    int slash = s.indexOf('/');
    String path = slash < 0 ? "" : s.substring(slash);
    String hostPort = slash < 0 ? s : s.substring(0, slash);
    String[] split = splitHostPort(hostPort, defaultPort);
    String host = localIfWildcard(split[0]);
    String port = split[1];
    int n;
    try {
      n = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("OLLAMA_HOST has a bad port: " + port, e);
    }
    if (n <= 0 || n > 65535) {
      throw new IllegalArgumentException("OLLAMA_HOST has a bad port: " + port);
    }
    String base = scheme + "://" + host + ":" + n + path;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base;
  }

  /** Returns {host, port}; the host keeps brackets around IPv6 literals. */
  private static String[] splitHostPort(String hostPort, String defaultPort) {
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("OLLAMA_HOST has an unclosed IPv6 literal");
      }
      String host = hostPort.substring(0, close + 1);
      String rest = hostPort.substring(close + 1);
      return new String[] {host, rest.startsWith(":") ? rest.substring(1) : defaultPort};
    }
    int colon = hostPort.indexOf(':');
    if (colon >= 0 && hostPort.indexOf(':', colon + 1) >= 0) {
      // A bare IPv6 literal without brackets and without a port.
      return new String[] {"[" + hostPort + "]", defaultPort};
    }
    if (colon < 0) {
      return new String[] {hostPort, defaultPort};
    }
    String port = hostPort.substring(colon + 1);
    return new String[] {hostPort.substring(0, colon), port.isEmpty() ? defaultPort : port};
  }

  private static String localIfWildcard(String host) {
    return switch (host) {
      case "", "0.0.0.0" -> "127.0.0.1";
      case "[::]", "[0:0:0:0:0:0:0:0]" -> "[::1]";
      default -> host;
    };
  }
}
