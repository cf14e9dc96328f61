package dev.codexcontinue.plugins.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.plugins.net.internal.IpLiteral;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RELIABILITY 20: IP literals in decimal, octal, hex and short forms are normalised. */
final class IpLiteralTest {
  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, 127.0.0.1",
    "2130706433, 127.0.0.1",
    "0x7f.1, 127.0.0.1",
    "0x7f000001, 127.0.0.1",
    "0177.0.0.01, 127.0.0.1",
    "127.1, 127.0.0.1",
    "127.0.1, 127.0.0.1",
    "0x7F.0X0.0.1, 127.0.0.1",
    "127.0.0.1., 127.0.0.1",
    "0xa9.0xfe.0xa9.0xfe, 169.254.169.254",
    "2852039166, 169.254.169.254",
    "0, 0.0.0.0",
    "0x, 0.0.0.0",
    "[::1], 0:0:0:0:0:0:0:1",
    "::ffff:127.0.0.1, 127.0.0.1",
    "[::ffff:7f00:1], 127.0.0.1",
    "8.8.8.8, 8.8.8.8"
  })
  void classify_literal_normalisesToTheAddress(String host, String expected) {
    IpLiteral.Kind kind = IpLiteral.classify(host);

    assertThat(kind).isInstanceOf(IpLiteral.Literal.class);
    assertThat(((IpLiteral.Literal) kind).address().getHostAddress()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.3.4.5", "256.0.0.1", "09.0.0.1", "4294967296", "1.2.3.256", "a.0x"})
  void classify_numberThatIsNoAddress_isInvalid(String host) {
    assertThat(IpLiteral.classify(host)).isInstanceOf(IpLiteral.Invalid.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "1e100.net", "0x1g", "0x7f.example", "localhost"})
  void classify_name_isAName(String host) {
    assertThat(IpLiteral.classify(host)).isInstanceOf(IpLiteral.Name.class);
  }
}
