package dev.codexcontinue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ChatRequestTest {
  @Test
  void build_noMessages_throws() {
    assertThatThrownBy(() -> ChatRequest.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void build_copiesLists_laterBuilderChangesDoNotLeak() {
    List<String> stop = new ArrayList<>(List.of("END"));
    ChatRequest.Builder b = ChatRequest.builder().addMessage(ChatMessage.user("hi")).stop(stop);
    ChatRequest first = b.build();
    stop.add("MORE");
    b.addMessage(ChatMessage.user("again"));
    assertThat(first.messages()).hasSize(1);
    assertThat(first.stop()).containsExactly("END");
  }

  @Test
  void toBuilder_roundTripsEveryOption() {
    ChatRequest r =
        ChatRequest.builder()
            .model("m")
            .addMessage(ChatMessage.user("hi"))
            .addTool(ToolSpec.withoutParameters("now", "time"))
            .toolChoice(ToolChoice.tool("now"))
            .parallelToolCalls(false)
            .temperature(0.3)
            .topP(0.9)
            .maxOutputTokens(50)
            .seed(7)
            .user("u")
            .reasoningEffort("low")
            .topLogprobs(2)
            .providerOption("num_ctx", 8192)
            .build();
    ChatRequest copy = r.toBuilder().build();
    assertThat(copy.model()).contains("m");
    assertThat(copy.toolChoice()).contains(ToolChoice.tool("now"));
    assertThat(copy.temperature()).hasValue(0.3);
    assertThat(copy.seed()).hasValue(7);
    assertThat(copy.providerOptions()).isEqualTo(Map.of("num_ctx", 8192));
    assertThat(copy.topLogprobs()).hasValue(2);
  }

  @Test
  void build_toolChoiceNamesMissingTool_throws() {
    assertThatThrownBy(
            () ->
                ChatRequest.builder()
                    .addMessage(ChatMessage.user("hi"))
                    .toolChoice(ToolChoice.tool("missing"))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void setters_outOfRange_throw() {
    ChatRequest.Builder b = ChatRequest.builder();
    assertThatThrownBy(() -> b.temperature(2.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.topP(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxOutputTokens(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.model(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void providerOption_nonJsonValue_throws() {
    assertThatThrownBy(
            () ->
                ChatRequest.builder()
                    .addMessage(ChatMessage.user("hi"))
                    .providerOption("x", new Object())
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_showsCountsNotContent() {
    ChatRequest r = ChatRequest.of("secret plans");
    assertThat(r.toString()).doesNotContain("secret plans").contains("messages=1");
  }

  @Test
  void chatResponse_requiresAssistantMessage() {
    assertThatThrownBy(() -> ChatResponse.builder().message(ChatMessage.user("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChatResponse.builder().build())
        .isInstanceOf(IllegalStateException.class);
    ChatResponse r =
        ChatResponse.builder()
            .message(ChatMessage.assistant("hello"))
            .usage(new TokenUsage(3, 1))
            .build();
    assertThat(r.text()).isEqualTo("hello");
    assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
  }
}
