package dev.codexcontinue.plugins.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.codexcontinue.plugins.net.internal.IpLiteral;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Tag;

/**
 * RELIABILITY 20 and 34: whatever URL Jazzer builds, with every name resolving to an address drawn
 * from the blocked ranges, the guard never allows a request to a blocked address: not through DNS,
 * not through any spelling of the address as a literal. Runs its committed seeds in every build;
 * fuzz for real with {@code JAZZER_FUZZ=1}.
 */
@Tag("fuzz")
final class SsrfFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void guard_blockedResolution_neverAllowed(FuzzedDataProvider data) {
    InetAddress blocked = BlockedAddressOracle.pick(data);
    SsrfGuard guard = SsrfGuard.builder().resolver(host -> List.of(blocked)).build();
    boolean spelled = data.consumeBoolean();
    String host = spelled ? BlockedAddressOracle.spell(blocked, data) : data.consumeString(64);
    String port = data.consumeBoolean() ? ":" + data.consumeInt(1, 65535) : "";
    String url = "http://" + host + port + "/" + data.consumeRemainingAsString();

    SsrfDecision decision = guard.check(url);

    if (decision.allowed()) {
      assertThat(spelled).as("a spelling of blocked %s was allowed: %s", blocked, url).isFalse();
      HttpUrl parsed = HttpUrl.parse(url);
      assertThat(parsed).isNotNull();
      IpLiteral.Kind kind = IpLiteral.classify(parsed.host());
      assertThat(kind)
          .as("a name resolving to %s was allowed: %s", blocked, url)
          .isInstanceOf(IpLiteral.Literal.class);
      assertThat(BlockedAddressOracle.isBlocked(((IpLiteral.Literal) kind).address()))
          .as("allowed %s", url)
          .isFalse();
    }
    try {
      for (InetAddress address : guard.resolve(host)) {
        assertThat(BlockedAddressOracle.isBlocked(address)).as("resolved %s", host).isFalse();
      }
    } catch (UnknownHostException expected) {
      // refused (SsrfBlockedException) or not a host at all
    }
  }
}
