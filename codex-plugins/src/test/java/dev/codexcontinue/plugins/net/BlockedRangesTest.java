package dev.codexcontinue.plugins.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.plugins.net.internal.BlockedRanges;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RELIABILITY 20: the edges of every blocked range, in IPv4 and in the IPv6 forms. */
final class BlockedRangesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "0.255.255.255",
        "10.0.0.0",
        "10.255.255.255",
        "100.64.0.0",
        "100.127.255.255",
        "127.0.0.1",
        "127.255.255.254",
        "169.254.0.1",
        "169.254.169.254",
        "172.16.0.0",
        "172.31.255.255",
        "192.0.0.8",
        "192.168.0.1",
        "192.168.255.255",
        "198.18.0.1",
        "198.19.255.255",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "fc00::1",
        "fdff:ffff::1",
        "fe80::1",
        "febf::1",
        "fec0::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:a9fe:a9fe",
        "::7f00:1",
        "::ffff:0:a00:1",
        "64:ff9b::7f00:1",
        "64:ff9b:1::a9fe:a9fe",
        "2002:7f00:1::",
        "2002:a9fe:a9fe::1",
        "2001:0:4136:e378:8000:63bf:80ff:fffe"
      })
  void reason_blockedAddress_isPresent(String address) throws Exception {
    assertThat(BlockedRanges.reason(v6Preserving(address))).as(address).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.1.1.1",
        "9.255.255.255",
        "11.0.0.0",
        "100.63.255.255",
        "100.128.0.0",
        "126.255.255.255",
        "128.0.0.0",
        "169.253.255.255",
        "169.255.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "192.0.2.1",
        "192.167.255.255",
        "192.169.0.0",
        "198.17.255.255",
        "198.20.0.0",
        "203.0.113.7",
        "223.255.255.255",
        "2001:4860:4860::8888",
        "2606:4700::1111",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:808:808::1",
        "fbff::1",
        "fe7f::1"
      })
  void reason_publicAddress_isEmpty(String address) throws Exception {
    assertThat(BlockedRanges.reason(v6Preserving(address))).as(address).isEmpty();
  }

  /** Parses without letting the JDK turn ::ffff:a.b.c.d into an IPv4 address. */
  private static InetAddress v6Preserving(String address) throws Exception {
    InetAddress parsed = InetAddress.getByName(address);
    if (address.contains(":") && parsed.getAddress().length == 4) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
      return java.net.Inet6Address.getByAddress(null, mapped, -1);
    }
    return parsed;
  }
}
