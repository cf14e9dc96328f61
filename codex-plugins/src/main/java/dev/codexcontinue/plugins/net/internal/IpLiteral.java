package dev.codexcontinue.plugins.net.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises hosts written as IP addresses in every notation a resolver might accept, so they are
 * checked as addresses and never handed to DNS: IPv6 (with or without brackets and zone), and IPv4
 * as {@code inet_aton} reads it: one to four parts, each decimal, octal (leading {@code 0}) or hex
 * ({@code 0x}), the last part filling the remaining bytes ({@code 2130706433}, {@code 0x7f.1},
 * {@code 0177.0.0.01}). A host whose last label is a number but that is no valid address is
 * invalid, as the WHATWG URL standard says.
 */
public final class IpLiteral {
  /** What a host is. */
  public sealed interface Kind permits Name, Literal, Invalid {}

  /** A host name, to be resolved. */
  public record Name(String host) implements Kind {}

  /** An address written literally. */
  public record Literal(InetAddress address) implements Kind {}

  /** Neither a valid name nor a valid address. */
  public record Invalid(String reason) implements Kind {}

  private static final Pattern V6 = Pattern.compile("[0-9a-f:.]+(%[0-9a-z._~-]+)?");
  private static final Pattern NUMBER = Pattern.compile("0x[0-9a-f]*|[0-9]+");

  private IpLiteral() {}

  /** Classifies {@code rawHost} (a URL host, brackets allowed). */
  public static Kind classify(String rawHost) {
    String host = rawHost.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      return new Invalid("empty host");
    }
    if (host.indexOf(':') >= 0) {
      return v6(host);
    }
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String[] parts = h.split("\\.", -1);
    if (!NUMBER.matcher(parts[parts.length - 1]).matches()) {
      return new Name(host);
    }
    Optional<InetAddress> v4 = v4(parts);
    if (v4.isPresent()) {
      return new Literal(v4.get());
    }
    return new Invalid("'" + rawHost + "' ends in a number but is not a valid IPv4 address");
  }

  private static Kind v6(String host) {
    if (!V6.matcher(host).matches()) {
      return new Invalid("'" + host + "' is not a valid IPv6 address");
    }
    try {
      // A string of hex digits, colons and dots is parsed as a literal and never looked up.
      return new Literal(InetAddress.getByName(host));
    } catch (UnknownHostException | SecurityException e) {
      return new Invalid("'" + host + "' is not a valid IPv6 address");
    }
  }

  private static Optional<InetAddress> v4(String[] parts) {
    if (parts.length > 4) {
      return Optional.empty();
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Optional<Long> v = number(parts[i]);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      values[i] = v.get();
    }
    long address = 0;
    for (int i = 0; i < values.length - 1; i++) {
      if (values[i] > 255) {
        return Optional.empty();
      }
      address |= values[i] << (8 * (3 - i));
    }
    long last = values[values.length - 1];
    if (last >= 1L << (8 * (5 - values.length))) {
      return Optional.empty();
    }
    address |= last;
    byte[] bytes = {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> number(String part) {
    if (part.isEmpty()) {
      return Optional.empty();
    }
    int radix = 10;
    String digits = part;
    if (part.startsWith("0x")) {
      radix = 16;
      digits = part.substring(2);
      if (digits.isEmpty()) {
        return Optional.of(0L); // inet_aton reads a bare "0x" as zero
      }
    } else if (part.length() > 1 && part.startsWith("0")) {
      radix = 8;
      digits = part.substring(1);
    }
    if (digits.length() > 12) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(digits, radix));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
