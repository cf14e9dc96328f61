package dev.codexcontinue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ChatMessageTest {
  @Test
  void user_textAndImage_keepsPartsInOrder() {
    ImagePart image = ImagePart.ofUrl("https://example.com/cat.png");
    ChatMessage m = ChatMessage.user("look", image);
    assertThat(m.parts()).containsExactly(new TextPart("look"), image);
    assertThat(m.text()).isEqualTo("look");
    assertThat(m.images()).containsExactly(image);
  }

  @Test
  void assistant_withToolCalls_exposesCalls() {
    ToolCall call = ToolCall.of("call_1", "weather", "{\"city\":\"Oslo\"}");
    ChatMessage m = ChatMessage.assistant("", List.of(call));
    assertThat(m.hasToolCalls()).isTrue();
    assertThat(m.toolCalls()).containsExactly(call);
  }

  @Test
  void tool_message_carriesCallIdAndName() {
    ChatMessage m = ChatMessage.tool("call_1", "weather", "-3");
    assertThat(m.role()).isEqualTo(Role.TOOL);
    assertThat(m.toolCallId()).contains("call_1");
    assertThat(m.name()).contains("weather");
  }

  @Test
  void build_toolMessageWithoutCallId_throws() {
    assertThatThrownBy(() -> ChatMessage.builder(Role.TOOL).text("x").build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void build_userMessageWithToolCalls_throws() {
    assertThatThrownBy(
            () -> ChatMessage.builder(Role.USER).addToolCall(ToolCall.of("c", "t", "{}")).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toString_neverShowsContent() {
    ChatMessage m = ChatMessage.user("my password is hunter2");
    assertThat(m.toString()).doesNotContain("hunter2").contains("user");
  }

  @Test
  void equals_sameContent_isEqual() {
    assertThat(ChatMessage.user("a")).isEqualTo(ChatMessage.user("a"));
    assertThat(ChatMessage.user("a").toBuilder().reasoning("r").build())
        .isNotEqualTo(ChatMessage.user("a"));
  }

  @Test
  void imagePart_ofBytes_roundTripsAndHidesPayload() {
    byte[] png = "fake-png".getBytes(StandardCharsets.UTF_8);
    ImagePart p = ImagePart.ofBytes(png, "image/png");
    assertThat(p.isInline()).isTrue();
    assertThat(p.mediaType()).contains("image/png");
    assertThat(p.bytes()).hasValueSatisfying(b -> assertThat(b).isEqualTo(png));
    assertThat(p.toString()).doesNotContain(p.base64Data().orElseThrow());
  }

  @Test
  void imagePart_otherScheme_throws() {
    assertThatThrownBy(() -> ImagePart.ofUrl("file:///etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toolSpec_badName_throws() {
    assertThatThrownBy(() -> new ToolSpec("read file", "d", ToolSpec.NO_PARAMETERS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ToolSpec("a".repeat(65), "d", ToolSpec.NO_PARAMETERS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ToolSpec.withoutParameters("read_file-2", "d").name()).isEqualTo("read_file-2");
  }
}
