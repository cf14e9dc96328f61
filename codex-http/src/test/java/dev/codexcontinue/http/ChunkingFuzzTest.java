package dev.codexcontinue.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * RELIABILITY 34 and 35: Jazzer looks for a body and split points on which the SSE or NDJSON
 * decoder changes its events, or throws anything but a protocol error. Runs its committed seeds in
 * every build; fuzz for real with {@code JAZZER_FUZZ=1}.
 */
@Tag("fuzz")
final class ChunkingFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void decoders_anySplit_sameEvents(FuzzedDataProvider data) {
    int maxEventBytes = data.consumeBoolean() ? 1 << 20 : data.consumeInt(1, 256);
    int[] cuts = new int[data.consumeInt(0, 16)];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = data.consumeInt(0, Integer.MAX_VALUE);
    }
    byte[] body = data.consumeRemainingAsBytes();

    ChunkingOracle.assertInvariant(body, cuts, maxEventBytes);
  }
}
