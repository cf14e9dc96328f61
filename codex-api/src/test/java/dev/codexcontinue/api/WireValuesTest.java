package dev.codexcontinue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class WireValuesTest {
  @Test
  void roleOf_knownValue_returnsConstant() {
    assertThat(Role.of("assistant")).isSameAs(Role.ASSISTANT);
    assertThat(Role.of(" USER ")).isSameAs(Role.USER);
    assertThat(Role.ASSISTANT.isKnown()).isTrue();
  }

  @Test
  void roleOf_unknownValue_keepsRawString() {
    Role developer = Role.of("developer");
    assertThat(developer.value()).isEqualTo("developer");
    assertThat(developer.isKnown()).isFalse();
    assertThat(developer).isEqualTo(Role.of("Developer"));
  }

  @Test
  void roleOf_blank_throws() {
    assertThatThrownBy(() -> Role.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Role.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void finishReasonOf_synonyms_mapToKnownConstants() {
    assertThat(FinishReason.of("tool_use")).isSameAs(FinishReason.TOOL_CALLS);
    assertThat(FinishReason.of("function_call")).isSameAs(FinishReason.TOOL_CALLS);
    assertThat(FinishReason.of("max_tokens")).isSameAs(FinishReason.LENGTH);
    assertThat(FinishReason.of("end_turn")).isSameAs(FinishReason.STOP);
    assertThat(FinishReason.of("content_filter")).isSameAs(FinishReason.CONTENT_FILTER);
  }

  @Test
  void finishReasonOf_unknown_isKeptAndNotKnown() {
    FinishReason r = FinishReason.of("recitation");
    assertThat(r.isKnown()).isFalse();
    assertThat(r.toString()).isEqualTo("recitation");
  }

  @Test
  void toolChoice_namedTool_carriesName() {
    assertThat(ToolChoice.tool("grep").toolName()).contains("grep");
    assertThat(ToolChoice.AUTO.toolName()).isEmpty();
    assertThat(ToolChoice.tool("grep")).isEqualTo(ToolChoice.tool("grep"));
  }

  @Test
  void responseFormat_jsonSchema_requiresObjectSchema() {
    ResponseFormat f = ResponseFormat.jsonSchema("answer", "{\"type\":\"object\"}", true);
    assertThat(f.type()).isEqualTo("json_schema");
    assertThat(f.isStrict()).isTrue();
    assertThatThrownBy(() -> ResponseFormat.jsonSchema("a", "[]", true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokenUsage_plus_saturates() {
    TokenUsage big = new TokenUsage(Integer.MAX_VALUE, 1);
    assertThat(big.plus(new TokenUsage(5, 2))).isEqualTo(new TokenUsage(Integer.MAX_VALUE, 3));
    assertThat(new TokenUsage(2, 3).totalTokens()).isEqualTo(5);
    assertThatThrownBy(() -> new TokenUsage(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
