package dev.codexcontinue.plugins.net.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges no tool may reach: loopback, "this network", RFC 1918 private, shared
 * (carrier-grade NAT), link-local (where cloud metadata services live), IETF protocol and
 * benchmarking blocks, multicast, reserved and broadcast; in IPv6 the unspecified and loopback
 * addresses, unique-local, link-local, site-local and multicast, and every IPv6 form that embeds an
 * IPv4 address (mapped, compatible, translated, NAT64, 6to4, Teredo), judged by that address.
 */
public final class BlockedRanges {
  private record V4Range(int network, int prefix, String name) {
    boolean contains(int address) {
      int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
      return (address & mask) == (network & mask);
    }
  }

  private static final List<V4Range> V4 =
      List.of(
          v4(0, 0, 0, 0, 8, "'this network' address (0.0.0.0/8)"),
          v4(10, 0, 0, 0, 8, "private address (10.0.0.0/8)"),
          v4(100, 64, 0, 0, 10, "shared address (100.64.0.0/10)"),
          v4(127, 0, 0, 0, 8, "loopback address (127.0.0.0/8)"),
          v4(169, 254, 0, 0, 16, "link-local address, cloud metadata (169.254.0.0/16)"),
          v4(172, 16, 0, 0, 12, "private address (172.16.0.0/12)"),
          v4(192, 0, 0, 0, 24, "IETF protocol address (192.0.0.0/24)"),
          v4(192, 168, 0, 0, 16, "private address (192.168.0.0/16)"),
          v4(198, 18, 0, 0, 15, "benchmarking address (198.18.0.0/15)"),
          v4(224, 0, 0, 0, 3, "multicast, reserved or broadcast address (224.0.0.0 and above)"));

  private BlockedRanges() {}

  /** Returns why {@code address} must not be reached, or empty when it is a public address. */
  public static Optional<String> reason(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address || b.length == 4) {
      return reasonV4(toInt(b, 0));
    }
    if (address instanceof Inet6Address || b.length == 16) {
      return reasonV6(b);
    }
    return Optional.of("unknown address family");
  }

  /** Returns whether {@code address} is in a blocked range. */
  public static boolean isBlocked(InetAddress address) {
    return reason(address).isPresent();
  }

  private static Optional<String> reasonV4(int address) {
    for (V4Range range : V4) {
      if (range.contains(address)) {
        return Optional.of(range.name());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> reasonV6(byte[] b) {
    int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    if (zero(b, 0, 10)) {
      int w5 = ((b[10] & 0xff) << 8) | (b[11] & 0xff);
      if (w5 == 0xffff || (w5 == 0 && !zero(b, 12, 16) && !isV6Loopback(b))) {
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible)
        return embedded(toInt(b, 12), "IPv4-mapped");
      }
      if (isV6Loopback(b)) {
        return Optional.of("loopback address (::1)");
      }
      if (zero(b, 0, 16)) {
        return Optional.of("unspecified address (::)");
      }
    }
    if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) {
      return embedded(toInt(b, 12), "IPv4-translated"); // ::ffff:0:a.b.c.d
    }
    if (first == 0x0064 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      return embedded(toInt(b, 12), "NAT64"); // 64:ff9b::/96 and 64:ff9b:1::/48
    }
    if (first == 0x2002) {
      return embedded(toInt(b, 2), "6to4"); // 2002:a.b.c.d::/48
    }
    if (first == 0x2001 && b[2] == 0 && b[3] == 0) {
      return embedded(~toInt(b, 12), "Teredo"); // client address stored inverted
    }
    if ((b[0] & 0xfe) == 0xfc) {
      return Optional.of("unique-local address (fc00::/7)");
    }
    if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
      return Optional.of("link-local address (fe80::/10)");
    }
    if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
      return Optional.of("site-local address (fec0::/10)");
    }
    if ((b[0] & 0xff) == 0xff) {
      return Optional.of("multicast address (ff00::/8)");
    }
    return Optional.empty();
  }

  private static Optional<String> embedded(int v4, String form) {
    return reasonV4(v4).map(reason -> form + " " + reason);
  }

  private static boolean isV6Loopback(byte[] b) {
    return zero(b, 0, 15) && b[15] == 1;
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static int toInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }

  private static V4Range v4(int a, int b, int c, int d, int prefix, String name) {
    return new V4Range((a << 24) | (b << 16) | (c << 8) | d, prefix, name);
  }
}
