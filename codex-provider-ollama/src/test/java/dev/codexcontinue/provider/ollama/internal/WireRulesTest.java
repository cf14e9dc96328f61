package dev.codexcontinue.provider.ollama.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.provider.ollama.ContextSizing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small rules of the wire: think levels, option routing, estimates, window sizes. */
final class WireRulesTest {
  private static final WireDefaults NONE = new WireDefaults(null, null, null);

  @ParameterizedTest
  @CsvSource({
    "low, '\"low\"'",
    "HIGH, '\"high\"'",
    "max, '\"max\"'",
    "minimal, '\"low\"'",
    "none, false",
    "off, false",
    "true, true",
    "on, true"
  })
  void think_effort_mapsToWhatOllamaTakes(String effort, String json) {
    assertThat(ChatBodies.think(effort).toString()).isEqualTo(json);
  }

  @Test
  void chat_providerOptions_areRoutedAndLaterOnesWin() {
    ChatRequest request =
        ChatRequest.builder()
            .addMessage(dev.codexcontinue.api.ChatMessage.user("hi"))
            .temperature(0.5)
            .providerOption("keep_alive", "1h")
            .providerOption("top_k", 40)
            .providerOption("options", Map.of("temperature", 0.1, "mirostat", 2))
            .build();

    ObjectNode body = ChatBodies.chat(request, "m", new WireDefaults("5m", 4096, null), false);

    assertThat(body.get("keep_alive").asText()).isEqualTo("1h");
    assertThat(body.at("/options/top_k").asInt()).isEqualTo(40);
    assertThat(body.at("/options/mirostat").asInt()).isEqualTo(2);
    assertThat(body.at("/options/temperature").asDouble()).isEqualTo(0.1);
    assertThat(body.at("/options/num_ctx").asInt()).isEqualTo(4096);
  }

  @Test
  void chat_optionNamingAFieldTheProviderWrites_isRejected() {
    ChatRequest request =
        ChatRequest.builder()
            .addMessage(dev.codexcontinue.api.ChatMessage.user("hi"))
            .providerOption("stream", false)
            .build();

    assertThatThrownBy(() -> ChatBodies.chat(request, "m", NONE, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'stream'");
  }

  @Test
  void chat_toolCallArgumentsThatAreNotAnObject_areRejected() {
    ChatRequest request =
        ChatRequest.builder()
            .addMessage(
                dev.codexcontinue.api.ChatMessage.assistant(
                    "", List.of(dev.codexcontinue.api.ToolCall.of("c1", "f", "{\"a\":"))))
            .build();

    assertThatThrownBy(() -> ChatBodies.chat(request, "m", NONE, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arguments of tool call c1");
  }

  @Test
  void utf8_countsLikeTheEncoder() {
    Random random = new Random(35);
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < 20; j++) {
        int cp =
            switch (random.nextInt(4)) {
              case 0 -> 0x20 + random.nextInt(0x5f);
              case 1 -> 0x80 + random.nextInt(0x780);
              case 2 -> 0x800 + random.nextInt(0xd000);
              default -> 0x10000 + random.nextInt(0x10000);
            };
        sb.appendCodePoint(cp);
      }
      String s = sb.toString();
      assertThat(TokenEstimates.utf8(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void numCtx_auto_growsInPowersOfTwoUpToTheModel() {
    ContextWindows auto = new ContextWindows(ContextSizing.AUTO);

    assertThat(auto.needsModelLength(2048)).isFalse();
    assertThat(auto.numCtx(2048, OptionalInt.empty())).isEmpty();
    assertThat(auto.numCtx(2049, OptionalInt.empty())).hasValue(4096);
    assertThat(auto.numCtx(4096, OptionalInt.empty())).hasValue(4096);
    assertThat(auto.numCtx(4097, OptionalInt.of(131072))).hasValue(8192);
    assertThat(auto.numCtx(100_000, OptionalInt.of(32768))).hasValue(32768);
    assertThat(auto.numCtx(Integer.MAX_VALUE, OptionalInt.empty())).hasValue(Integer.MAX_VALUE);
    assertThat(ContextWindows.need(3000, -1)).isEqualTo(3000 + ContextWindows.ANSWER_RESERVE);
    assertThat(ContextWindows.need(3000, 200)).isEqualTo(3200);
  }

  @Test
  void truncation_rules() {
    assertThat(ContextWindows.truncation("m", 5000, 4096, 4096)).containsEntry("truncated", true);
    assertThat(ContextWindows.truncation("m", 5000, 4096, 3000)).containsEntry("truncated", true);
    assertThat(ContextWindows.truncation("m", 5000, 4096, 3900)).containsEntry("truncated", false);
    assertThat(ContextWindows.truncation("m", 3000, 4096, 10)).containsEntry("truncated", false);
    assertThat(ContextWindows.truncation("m", 9000, -1, 10))
        .containsEntry("truncated", false)
        .doesNotContainKey("num_ctx");
    assertThat(ContextWindows.truncation("m", 9000, 4096, -1)).containsEntry("truncated", false);
  }
}
