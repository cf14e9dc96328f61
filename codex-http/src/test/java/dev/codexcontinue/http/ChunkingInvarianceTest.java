package dev.codexcontinue.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * RELIABILITY 35: decoding gives the same events however the bytes are split, including inside
 * UTF-8 sequences and between CR and LF. Seeded, so every failure reproduces.
 */
final class ChunkingInvarianceTest {
  private static final String[] TOKENS = {
    "data: ",
    "data:",
    "event: ping",
    "id: 7",
    "id: 1\u0000",
    "retry: 250",
    ":",
    ": comment",
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    "\r\n\r\n",
    "é",
    "€",
    "😀",
    "известни",
    "\u2028",
    "[DONE]",
    "{\"a\":1}",
    "{\"error\":\"x\"}",
    "\uFEFF",
    "  ",
    "foo: bar",
    "x",
  };

  @RepeatedTest(10_000)
  void decode_randomSplits_sameEventsAsWhole(RepetitionInfo repetition) {
    Random random = new Random(repetition.getCurrentRepetition());
    byte[] body = randomBody(random);
    int[] cuts = new int[random.nextInt(8) + 1];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = random.nextInt(body.length + 1);
    }
    int maxEventBytes = random.nextBoolean() ? 1 << 20 : 8 + random.nextInt(40);

    ChunkingOracle.assertInvariant(body, cuts, maxEventBytes);
  }

  private static byte[] randomBody(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = random.nextInt(40);
    for (int i = 0; i < n; i++) {
      out.writeBytes(TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
