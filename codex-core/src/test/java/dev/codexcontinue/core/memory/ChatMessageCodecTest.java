package dev.codexcontinue.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ImagePart;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.core.internal.Json;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class ChatMessageCodecTest {

  static List<ChatMessage> everyShape() {
    return Conversations.everyShape();
  }

  @ParameterizedTest
  @MethodSource("everyShape")
  void write_thenRead_returnsEqualMessage(ChatMessage message) {
    String json = ChatMessageCodec.write(message);

    assertThat(json).doesNotContain("\n");
    assertThat(ChatMessageCodec.read(json)).isEqualTo(message);
    assertThat(ChatMessageCodec.fromTree(ChatMessageCodec.toTree(message))).isEqualTo(message);
  }

  @Test
  void write_assistantWithToolCall_usesDocumentedFieldNames() throws Exception {
    ChatMessage m =
        ChatMessage.builder(Role.ASSISTANT)
            .text("hi")
            .addPart(new ImagePart("https://x.test/a.png", "high"))
            .addToolCall(ToolCall.of("c1", "weather", "{}"))
            .reasoning("r")
            .build();

    JsonNode tree = Json.parse(ChatMessageCodec.write(m));

    assertThat(tree.get("role").asText()).isEqualTo("assistant");
    assertThat(tree.get("content").get(0).get("type").asText()).isEqualTo("text");
    assertThat(tree.get("content").get(1).get("url").asText()).isEqualTo("https://x.test/a.png");
    assertThat(tree.get("content").get(1).get("detail").asText()).isEqualTo("high");
    assertThat(tree.get("tool_calls").get(0).get("arguments").asText()).isEqualTo("{}");
    assertThat(tree.get("reasoning").asText()).isEqualTo("r");
    assertThat(tree.has("tool_call_id")).isFalse();
  }

  @Test
  void write_textLongerThanParserLimit_roundTripsInPieces() {
    String huge = "ab\uD83D\uDE00".repeat(Json.MAX_STRING_LENGTH / 2 + 7);
    byte[] image = new byte[Json.MAX_STRING_LENGTH];
    ChatMessage m = ChatMessage.user(huge, ImagePart.ofBytes(image, "image/jpeg"));

    String json = ChatMessageCodec.write(m);

    ChatMessage back = ChatMessageCodec.read(json);
    assertThat(back.text()).isEqualTo(huge);
    assertThat(back.images().get(0).bytes().orElseThrow()).isEqualTo(image);
    assertThat(back).isEqualTo(m);
  }

  static Stream<Arguments> malformed() {
    String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[] {1});
    return Stream.of(
        Arguments.of("", "the input is empty"),
        Arguments.of("  ", "the input is empty"),
        Arguments.of("{\"role\":\"user\",\"content\":[]", "not valid JSON"),
        Arguments.of("{\"role\":\"user\",\"content\":[]} trailing", "not valid JSON"),
        Arguments.of("{\"role\":\"user\",\"role\":\"system\",\"content\":[]}", "not valid JSON"),
        Arguments.of("[]", "must be a JSON object"),
        Arguments.of("{\"content\":[]}", "message.role is missing"),
        Arguments.of("{\"role\":\" \",\"content\":[]}", "message.role is blank"),
        Arguments.of("{\"role\":5,\"content\":[]}", "message.role must be a string"),
        Arguments.of("{\"role\":\"user\"}", "message.content must be an array"),
        Arguments.of("{\"role\":\"user\",\"content\":\"hi\"}", "message.content must be an array"),
        Arguments.of("{\"role\":\"user\",\"content\":[5]}", "content[0] must be an object"),
        Arguments.of(
            "{\"role\":\"user\",\"content\":[{\"type\":\"audio\"}]}", "content[0].type is unknown"),
        Arguments.of("{\"role\":\"user\",\"content\":[{\"text\":\"x\"}]}", "type is missing"),
        Arguments.of(
            "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"x\",\"lang\":\"en\"}]}",
            "unknown field"),
        Arguments.of("{\"role\":\"user\",\"content\":[],\"extra\":1}", "unknown field"),
        Arguments.of(
            "{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"url\":\"file:///etc/passwd\"}]}",
            "not an http(s) or data:image URL"),
        Arguments.of(
            "{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"url\":\""
                + image
                + "\",\"detail\":1}]}",
            "detail must be a string"),
        Arguments.of("{\"role\":\"tool\",\"content\":[]}", "tool message needs the id"),
        Arguments.of(
            "{\"role\":\"user\",\"content\":[],\"tool_calls\":[{\"id\":\"a\",\"name\":\"b\",\"arguments\":\"\"}]}",
            "only assistant messages carry tool calls"),
        Arguments.of(
            "{\"role\":\"assistant\",\"content\":[],\"tool_calls\":{}}", "must be an array"),
        Arguments.of(
            "{\"role\":\"assistant\",\"content\":[],\"tool_calls\":[{\"id\":\"a\",\"name\":\"b\"}]}",
            "tool_calls[0].arguments is missing"),
        Arguments.of(
            "{\"role\":\"assistant\",\"content\":[],\"tool_calls\":[{\"id\":\" \",\"name\":\"b\",\"arguments\":\"\"}]}",
            "non-blank id"),
        Arguments.of(
            "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":[\"a\",1]}]}",
            "a string or an array of strings"),
        Arguments.of(
            "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":[]}]}",
            "must be a string"),
        Arguments.of("[".repeat(Json.MAX_DEPTH + 5), "not valid JSON"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void read_malformed_throwsNamingTheProblem(String json, String expected) {
    assertThatThrownBy(() -> ChatMessageCodec.read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed chat message: ")
        .hasMessageContaining(expected);
  }

  @Test
  void read_malformed_doesNotEchoContent() {
    String secret = "sk-SECRET-PROMPT-TEXT";
    List<String> inputs =
        List.of(
            "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + secret + "\"}], x",
            "{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"url\":\"ftp://"
                + secret
                + "\"}]}");
    for (String input : inputs) {
      assertThatThrownBy(() -> ChatMessageCodec.read(input))
          .isInstanceOf(IllegalArgumentException.class)
          .message()
          .doesNotContain(secret);
    }
  }

  @Test
  void read_roleInAnyCase_keepsTheRole() {
    ChatMessage m = ChatMessageCodec.read("{\"role\":\"Developer\",\"content\":[]}");

    assertThat(m.role()).isEqualTo(Role.of("developer"));
    assertThat(m.role().isKnown()).isFalse();
  }

  @Test
  void read_null_throwsNpe() {
    assertThatThrownBy(() -> ChatMessageCodec.read(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("json == null");
  }
}
