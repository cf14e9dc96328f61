package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.exception.StreamProtocolException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The chunking-invariance property of RELIABILITY 35, shared by the seeded and fuzzed tests. */
final class ChunkingOracle {
  private ChunkingOracle() {}

  /** What decoding produced: the events, and whether it ended with a protocol error. */
  record Outcome(List<StreamEvent> events, boolean tooLarge) {}

  /** Decodes {@code body} in one piece. */
  static Outcome whole(StreamFormat format, int maxEventBytes, byte[] body) {
    return decode(format, maxEventBytes, body, new int[0]);
  }

  /** Decodes {@code body} split at {@code cuts} (sorted offsets, may repeat). */
  static Outcome decode(StreamFormat format, int maxEventBytes, byte[] body, int[] cuts) {
    EventDecoder decoder = format.newDecoder(maxEventBytes);
    List<StreamEvent> events = new ArrayList<>();
    try {
      int from = 0;
      for (int cut : cuts) {
        decoder.feed(body, from, cut - from, events::add);
        from = cut;
      }
      decoder.feed(body, from, body.length - from, events::add);
      decoder.finish(events::add);
      return new Outcome(events, false);
    } catch (StreamProtocolException e) {
      return new Outcome(events, true);
    }
  }

  /** Asserts that splitting {@code body} at {@code cuts} changes nothing, for both formats. */
  static void assertInvariant(byte[] body, int[] cuts, int maxEventBytes) {
    int[] sorted =
        Arrays.stream(cuts).map(c -> Math.floorMod(c, body.length + 1)).sorted().toArray();
    for (StreamFormat format : StreamFormat.values()) {
      Outcome expected = whole(format, maxEventBytes, body);
      Outcome actual = decode(format, maxEventBytes, body, sorted);
      assertThat(actual).as(format + " split at " + Arrays.toString(sorted)).isEqualTo(expected);
    }
  }
}
