package dev.codexcontinue.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ImagePart;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.ToolCall;
import org.junit.jupiter.api.Test;

final class TokenCounterTest {
  private final TokenCounter counter = TokenCounter.estimating();

  @Test
  void estimating_text_costsOneTokenPerFourCharsPlusOverhead() {
    assertThat(counter.count(ChatMessage.user(""))).isEqualTo(4);
    assertThat(counter.count(ChatMessage.user("abcd"))).isEqualTo(5);
    assertThat(counter.count(ChatMessage.user("abcde"))).isEqualTo(6);
    assertThat(counter.count(ChatMessage.user("x".repeat(40)))).isEqualTo(14);
  }

  @Test
  void estimating_images_costFixedTokensByDetail() {
    assertThat(counter.count(ChatMessage.user("", ImagePart.ofUrl("https://x.test/a.png"))))
        .isEqualTo(4 + 765);
    assertThat(counter.count(ChatMessage.user("", new ImagePart("https://x.test/a.png", "low"))))
        .isEqualTo(4 + 85);
    // An inline image's base64 payload is not text: it costs the same as a linked one.
    assertThat(
            counter.count(ChatMessage.user("", ImagePart.ofBytes(new byte[100_000], "image/png"))))
        .isEqualTo(4 + 765);
  }

  @Test
  void estimating_toolCalls_countNamesAndArguments() {
    ChatMessage call =
        ChatMessage.assistant(
            "", java.util.List.of(ToolCall.of("id-not-counted", "abcd", "{\"x\":1}")));

    assertThat(counter.count(call)).isEqualTo(4 + 3 + 3); // 4 + 7 chars -> 3 tokens
  }

  @Test
  void estimating_reasoningIsNotCountedButNameIs() {
    ChatMessage m =
        ChatMessage.builder(Role.ASSISTANT).text("abcd").reasoning("x".repeat(400)).build();
    ChatMessage tool = ChatMessage.tool("c1", "abcd", "abcd");

    assertThat(counter.count(m)).isEqualTo(5);
    assertThat(counter.count(tool)).isEqualTo(6);
  }

  @Test
  void estimating_isDeterministicSingleton() {
    assertThat(TokenCounter.estimating()).isSameAs(counter);
  }
}
