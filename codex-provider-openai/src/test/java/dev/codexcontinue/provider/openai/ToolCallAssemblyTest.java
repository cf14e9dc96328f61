package dev.codexcontinue.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.provider.openai.internal.ChatAssembler;
import dev.codexcontinue.provider.openai.internal.ChatResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RELIABILITY 13: tool-call deltas are assembled by (choice, index) the same way whatever the
 * server's style, and equal the non-streamed answer carrying the same calls.
 */
final class ToolCallAssemblyTest {
  private static final String NONSTREAM =
      "{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":%s,"
          + "\"tool_calls\":[%s]},\"finish_reason\":\"tool_calls\"}]}";

  static Stream<Arguments> styles() {
    return Stream.of(
        Arguments.of(
            "OpenAI: id on the first chunk only",
            List.of(
                tc(0, "call_1", "function", "read_file", ""),
                tc(0, null, null, null, "{\"path\":"),
                tc(0, null, null, null, "\"a.txt\"}")),
            "",
            List.of(ToolCall.of("call_1", "read_file", "{\"path\":\"a.txt\"}"))),
        Arguments.of(
            "DeepSeek: empty id and type on continuations",
            List.of(
                tc(0, "call_ds", "function", "read_file", ""),
                tc(0, "", "", null, "{\"path\":"),
                tc(0, "", "", "", "\"b.txt\"}")),
            "",
            List.of(ToolCall.of("call_ds", "read_file", "{\"path\":\"b.txt\"}"))),
        Arguments.of(
            "vLLM: the id repeated on every chunk",
            List.of(
                tc(0, "chatcmpl-tool-9", "function", "read_file", "{\"path\""),
                tc(0, "chatcmpl-tool-9", "function", null, ":\"c.txt\"}")),
            "",
            List.of(ToolCall.of("chatcmpl-tool-9", "read_file", "{\"path\":\"c.txt\"}"))),
        Arguments.of(
            "two parallel calls interleaved",
            List.of(
                tc(0, "call_A", "function", "list_files", ""),
                tc(1, "call_B", "function", "search", ""),
                tc(0, null, null, null, "{\"dir\":\"src\"}"),
                tc(1, null, null, null, "{\"q\":\"TODO\"}")),
            "",
            List.of(
                ToolCall.of("call_A", "list_files", "{\"dir\":\"src\"}"),
                ToolCall.of("call_B", "search", "{\"q\":\"TODO\"}"))),
        Arguments.of(
            "text chunks with tool_calls: []",
            List.of(
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Let me look.\",\"tool_calls\":[]}}]}",
                tc(0, "call_t", "function", "read_file", "{}")),
            "Let me look.",
            List.of(ToolCall.of("call_t", "read_file", "{}"))),
        Arguments.of(
            "arguments truncated mid-string",
            List.of(
                tc(0, "call_x", "function", "write_file", "{\"path\":\"a.txt\",\"text\":\"unfini")),
            "",
            List.of(ToolCall.of("call_x", "write_file", "{\"path\":\"a.txt\",\"text\":\"unfini"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("styles")
  void assemble_style_equalsTheNonStreamedTwin(
      String name, List<String> chunks, String text, List<ToolCall> expected) throws Exception {
    ChatAssembler assembler = new ChatAssembler();
    List<dev.codexcontinue.api.ChatChunk> deltas = new ArrayList<>();
    for (String chunk : chunks) {
      assembler.accept(chunk, deltas::add);
    }
    assembler.accept(
        "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}", deltas::add);
    ChatResponse streamed = assembler.response();
    ChatResponse twin =
        ChatResponses.parse(ProviderTestSupport.JSON.readTree(nonStreamed(text, expected)));

    assertThat(streamed.toolCalls()).containsExactlyElementsOf(expected);
    assertThat(streamed.toolCalls()).isEqualTo(twin.toolCalls());
    assertThat(streamed.text()).isEqualTo(twin.text()).isEqualTo(text);
    assertThat(streamed.finishReason())
        .isEqualTo(twin.finishReason())
        .isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(deltas).isNotEmpty();
  }

  @Test
  void assemble_truncatedArguments_neverParseAsAnObject() throws Exception {
    ChatAssembler assembler = new ChatAssembler();
    assembler.accept((tc(0, "call_x", "function", "write_file", "{\"path\":\"a")), c -> {});

    String arguments = assembler.response().toolCalls().get(0).arguments();

    // Kept verbatim so the agent's validator refuses it and tells the model; nothing repairs it.
    assertThatThrownBy(() -> ProviderTestSupport.JSON.readTree(arguments))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void assemble_secondChoice_isIgnored() throws Exception {
    ChatAssembler assembler = new ChatAssembler();
    assembler.accept(
        ("{\"choices\":[{\"index\":1,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"other\",\"function\":{\"name\":\"x\",\"arguments\":\"{}\"}}]}},"
            + "{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}"),
        c -> {});

    ChatResponse response = assembler.response();

    assertThat(response.toolCalls()).isEmpty();
    assertThat(response.text()).isEqualTo("hi");
  }

  @Test
  void assemble_fieldsInAnyOrder_areReadTheSame() throws Exception {
    ChatAssembler assembler = new ChatAssembler();
    assembler.accept(
        "{\"usage\":null,\"choices\":[{\"finish_reason\":\"stop\",\"delta\":{\"content\":\"x\"},"
            + "\"index\":0}],\"model\":\"m\",\"id\":\"i\"}",
        c -> {});

    ChatResponse response = assembler.response();

    assertThat(response.text()).isEqualTo("x");
    assertThat(response.id()).contains("i");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void assemble_callWithoutId_getsOneFromItsIndex() throws Exception {
    ChatAssembler assembler = new ChatAssembler();
    assembler.accept((tc(2, null, null, "f", "{}")), c -> {});

    assertThat(assembler.response().toolCalls()).containsExactly(ToolCall.of("call_2", "f", "{}"));
  }

  @Test
  void assemble_callWithoutName_isRefused() throws Exception {
    ChatAssembler assembler = new ChatAssembler();
    assembler.accept((tc(0, "call_1", "function", null, "{}")), c -> {});

    assertThatThrownBy(assembler::response).hasMessageContaining("no function name");
  }

  private static String nonStreamed(String text, List<ToolCall> calls) {
    List<String> items = new ArrayList<>();
    for (ToolCall call : calls) {
      items.add(
          "{\"id\":"
              + quote(call.id())
              + ",\"type\":\"function\",\"function\":{\"name\":"
              + quote(call.name())
              + ",\"arguments\":"
              + quote(call.arguments())
              + "}}");
    }
    return String.format(NONSTREAM, text.isEmpty() ? "null" : quote(text), String.join(",", items));
  }

  private static String quote(String s) {
    return ProviderTestSupport.JSON.getNodeFactory().textNode(s).toString();
  }

  private static String tc(int index, String id, String type, String name, String arguments) {
    StringBuilder call = new StringBuilder("{\"index\":").append(index);
    if (id != null) {
      call.append(",\"id\":").append(quote(id));
    }
    if (type != null) {
      call.append(",\"type\":").append(quote(type));
    }
    call.append(",\"function\":{");
    if (name != null) {
      call.append("\"name\":").append(quote(name)).append(',');
    }
    call.append("\"arguments\":").append(quote(arguments)).append("}}");
    return "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[" + call + "]}}]}";
  }
}
