package dev.codexcontinue.plugins.net;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * An oracle for the SSRF fuzz target, written apart from the guard: the blocked ranges as CIDR text
 * over the 128-bit address space (IPv4 as IPv4-mapped), a way to draw an address from them, and the
 * notations a host could spell it in.
 */
final class BlockedAddressOracle {
  private record Cidr(BigInteger network, int prefix) {
    boolean contains(BigInteger address) {
      return address.shiftRight(128 - prefix).equals(network.shiftRight(128 - prefix));
    }
  }

  private static final List<Cidr> BLOCKED =
      List.of(
          v4("0.0.0.0", 8),
          v4("10.0.0.0", 8),
          v4("100.64.0.0", 10),
          v4("127.0.0.0", 8),
          v4("169.254.0.0", 16),
          v4("172.16.0.0", 12),
          v4("192.168.0.0", 16),
          v4("224.0.0.0", 4),
          v4("240.0.0.0", 4),
          v6("::1", 128),
          v6("fc00::", 7),
          v6("fe80::", 10));

  private BlockedAddressOracle() {}

  /** Returns whether {@code address} lies in one of the ranges above. */
  static boolean isBlocked(InetAddress address) {
    BigInteger value = value(address);
    return BLOCKED.stream().anyMatch(c -> c.contains(value));
  }

  /** Draws an address inside a blocked range chosen by {@code data}. */
  static InetAddress pick(FuzzedDataProvider data) {
    Cidr range = BLOCKED.get(data.consumeInt(0, BLOCKED.size() - 1));
    byte[] random = new byte[16];
    byte[] given = data.consumeBytes(16);
    System.arraycopy(given, 0, random, 0, given.length);
    BigInteger hostBits =
        new BigInteger(1, random).mod(BigInteger.ONE.shiftLeft(128 - range.prefix));
    BigInteger value = range.network.or(hostBits);
    byte[] bytes = new byte[16];
    byte[] raw = value.toByteArray();
    int n = Math.min(raw.length, 16);
    System.arraycopy(raw, raw.length - n, bytes, 16 - n, n);
    try {
      // The JDK turns ::ffff:a.b.c.d into an IPv4 address, as a resolver's answer would be.
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** Spells {@code address} as a URL host in a notation chosen by {@code data}. */
  static String spell(InetAddress address, FuzzedDataProvider data) {
    byte[] b = address.getAddress();
    if (b.length == 16) {
      return "[" + address.getHostAddress() + "]";
    }
    long v = value(address).longValue() & 0xffffffffL;
    return switch (data.consumeInt(0, 3)) {
      case 0 -> "[::ffff:" + address.getHostAddress() + "]";
      case 1 -> Long.toString(v);
      default -> {
        int parts = data.consumeInt(1, 4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts; i++) {
          long part =
              i < parts - 1 ? (v >>> (8 * (3 - i))) & 0xff : v & ((1L << (8 * (4 - i))) - 1);
          if (i > 0) {
            sb.append('.');
          }
          sb.append(
              switch (data.consumeInt(0, 2)) {
                case 0 -> Long.toString(part);
                case 1 -> "0" + Long.toOctalString(part);
                default -> (data.consumeBoolean() ? "0x" : "0X") + Long.toHexString(part);
              });
        }
        yield sb.toString();
      }
    };
  }

  private static BigInteger value(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(b, 0, mapped, 12, 4);
      b = mapped;
    }
    return new BigInteger(1, b);
  }

  private static Cidr v4(String address, int prefix) {
    try {
      return new Cidr(value(InetAddress.getByName(address)), 96 + prefix);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static Cidr v6(String address, int prefix) {
    try {
      return new Cidr(new BigInteger(1, Inet6Address.getByName(address).getAddress()), prefix);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
