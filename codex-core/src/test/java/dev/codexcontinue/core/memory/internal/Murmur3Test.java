package dev.codexcontinue.core.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class Murmur3Test {
  /** MurmurHash3_x86_32 values of the reference implementation (as Guava's murmur3_32_fixed). */
  @ParameterizedTest
  @CsvSource({
    "'', 0, 0x00000000",
    "'', 1, 0x514e28b7",
    "'', -1, 0x81f16f39",
    "a, 0, 0x3c2569b2",
    "ab, 0, 0x9bbfd75f",
    "abc, 0, 0xb3dd93fa",
    "abcd, 0, 0x43ed676a",
    "hello, 0, 0x248bfa47",
    "'Hello, world!', 0, 0xc0363e43",
    "The quick brown fox jumps over the lazy dog, 0, 0x2e4ff723",
    "The quick brown fox jumps over the lazy dog, 0x9747b28c, 0x2fa826cd"
  })
  void hash32_knownValues(String text, String seed, String expected) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

    int hash = Murmur3.hash32(bytes, bytes.length, Long.decode(seed).intValue());

    assertThat(hash).isEqualTo(Integer.parseUnsignedInt(expected.substring(2), 16));
  }
}
