package dev.codexcontinue.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds OpenAI chat-completion streams for tests. */
final class Sse {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Sse() {}

  /** A stream whose answer is {@code pieces}, one delta each. */
  static String text(String... pieces) {
    StringBuilder b = new StringBuilder();
    b.append(event(delta().put("role", "assistant").put("content", ""), null));
    for (String p : pieces) {
      b.append(event(delta().put("content", p), null));
    }
    b.append(event(delta(), "stop"));
    return b.append("data: [DONE]\n\n").toString();
  }

  /** A stream that calls tool {@code name} with {@code arguments} (JSON text). */
  static String toolCall(String name, String arguments) {
    ObjectNode d = delta().put("role", "assistant");
    ObjectNode call = d.putArray("tool_calls").addObject();
    call.put("index", 0).put("id", "call_1").put("type", "function");
    call.putObject("function").put("name", name).put("arguments", arguments);
    return event(d, null) + event(delta(), "tool_calls") + "data: [DONE]\n\n";
  }

  private static ObjectNode delta() {
    return JSON.createObjectNode();
  }

  private static String event(ObjectNode delta, String finish) {
    ObjectNode chunk = JSON.createObjectNode();
    chunk
        .put("id", "chatcmpl-1")
        .put("object", "chat.completion.chunk")
        .put("created", 1)
        .put("model", "gpt-4o-mini");
    ObjectNode choice = chunk.putArray("choices").addObject();
    choice.put("index", 0).set("delta", delta);
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    return "data: " + chunk + "\n\n";
  }
}
