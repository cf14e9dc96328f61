package dev.codexcontinue.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.codexcontinue.api.exception.TemplateException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/**
 * RELIABILITY 26: for any template and values up to 64 KiB, rendering either succeeds with every
 * value appearing verbatim and the output under the cap, or fails with a {@link TemplateException};
 * nothing else escapes.
 */
@Tag("fuzz")
final class TemplateFuzzTest {
  private static final int CAP = 4096;
  private final DefaultTemplateEngine engine = DefaultTemplateEngine.withMaxOutputChars(CAP);

  @FuzzTest(maxDuration = "30s")
  void render_anyInput_onlyTemplateExceptionOrVerbatimOutput(FuzzedDataProvider data) {
    Map<String, String> values = new HashMap<>();
    int count = data.consumeInt(0, 4);
    for (int i = 0; i < count; i++) {
      values.put(data.consumeString(16), data.consumeString(512));
    }
    String source = data.consumeRemainingAsString();
    if (source.length() > 64 * 1024) {
      return;
    }
    try {
      String out = engine.create("fuzz", source).render(values);
      assertThat(out.length()).isLessThanOrEqualTo(CAP);
      String single = engine.create("one", "<{{v}}>").render(Map.of("v", source));
      if (source.length() + 2 <= CAP) {
        assertThat(single).isEqualTo("<" + source + ">");
      }
    } catch (TemplateException expected) {
      // The only failure the renderer may report.
    }
  }
}
