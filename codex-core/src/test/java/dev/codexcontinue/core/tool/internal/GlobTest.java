package dev.codexcontinue.core.tool.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class GlobTest {
  @ParameterizedTest(name = "''{0}'' ~ ''{1}'' = {2}")
  @CsvSource({
    "*, '', true",
    "*, anything at all / with slashes, true",
    "rm *, rm -rf /, true",
    "rm *, rm, false",
    "rm *, xrm a, false",
    "*sudo *, echo && sudo reboot, true",
    "a*b*c, aXXbYYc, true",
    "a*b*c, aXXbYY, false",
    "abc, abc, true",
    "abc, abcd, false",
    "'', '', true",
    "'', a, false",
    "**, x, true",
    "a?c, abc, false",
    "a?c, a?c, true",
  })
  void matches_table(String pattern, String text, boolean expected) {
    assertThat(Glob.of(pattern).matches(text)).isEqualTo(expected);
  }

  @Test
  @Timeout(10)
  void matches_manyStarsOnLongText_finishesWithoutBacktrackingBlowUp() {
    Glob glob = Glob.of("*a*a*a*a*a*a*a*a*a*a*b");
    String text = "a".repeat(100_000);

    assertThat(glob.matches(text)).isFalse();
  }

  @Test
  void matchesEverything_onlyForStarOnlyPatterns() {
    assertThat(Glob.of("*").matchesEverything()).isTrue();
    assertThat(Glob.of("***").matchesEverything()).isTrue();
    assertThat(Glob.of("").matchesEverything()).isFalse();
    assertThat(Glob.of("*x").matchesEverything()).isFalse();
  }
}
