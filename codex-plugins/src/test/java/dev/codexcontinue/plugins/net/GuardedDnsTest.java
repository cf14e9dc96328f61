package dev.codexcontinue.plugins.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.plugins.net.internal.GuardedDns;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** RELIABILITY 20: DNS rebinding, on the OkHttp {@code Dns} wrapper alone; nothing connects. */
final class GuardedDnsTest {
  @Test
  void lookup_rebindingName_allowedFirstThenBlocked() throws Exception {
    StagedResolver resolver =
        new StagedResolver()
            .answer("rebind.test", "203.0.113.7")
            .answer("rebind.test", "127.0.0.1");
    GuardedDns dns = new GuardedDns(SsrfGuard.builder().resolver(resolver).build());

    assertThat(dns.lookup("rebind.test"))
        .extracting(InetAddress::getHostAddress)
        .containsExactly("203.0.113.7");
    assertThatThrownBy(() -> dns.lookup("rebind.test"))
        .isInstanceOf(SsrfBlockedException.class)
        .hasMessageContaining("rebind.test")
        .hasMessageContaining("loopback");
    assertThat(resolver.lookups()).containsExactly("rebind.test", "rebind.test");
  }

  @Test
  void lookup_oneBlockedAmongMany_blocksTheName() {
    StagedResolver resolver =
        new StagedResolver().answer("mixed.test", "203.0.113.7", "::ffff:169.254.169.254");
    GuardedDns dns = new GuardedDns(SsrfGuard.builder().resolver(resolver).build());

    assertThatThrownBy(() -> dns.lookup("mixed.test")).isInstanceOf(SsrfBlockedException.class);
  }

  @Test
  void lookup_numericNames_areCheckedAsAddressesWithoutResolving() {
    StagedResolver resolver = new StagedResolver();
    GuardedDns dns = new GuardedDns(SsrfGuard.builder().resolver(resolver).build());

    assertThatThrownBy(() -> dns.lookup("2130706433")).isInstanceOf(SsrfBlockedException.class);
    assertThatThrownBy(() -> dns.lookup("0x7f.1")).isInstanceOf(SsrfBlockedException.class);
    assertThatThrownBy(() -> dns.lookup("0251.0376.0251.0376"))
        .isInstanceOf(SsrfBlockedException.class);
    assertThat(resolver.lookups()).isEmpty();
  }

  @Test
  void lookup_trustedName_isReturnedAsResolved() throws Exception {
    StagedResolver resolver = new StagedResolver().answer("searx.lan", "192.168.1.20");
    GuardedDns dns =
        new GuardedDns(SsrfGuard.builder().resolver(resolver).trustHost("searx.lan:8888").build());

    assertThat(dns.lookup("searx.lan"))
        .extracting(InetAddress::getHostAddress)
        .containsExactly("192.168.1.20");
  }
}
