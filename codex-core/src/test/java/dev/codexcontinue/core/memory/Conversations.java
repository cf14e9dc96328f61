package dev.codexcontinue.core.memory;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.test.ChatMessageSamples;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the messages tests append: tool-call units and one of every message shape. Public for the
 * codec and store tests of other packages.
 */
public final class Conversations {
  private Conversations() {}

  /** Returns an assistant message calling {@code k} tools, ids {@code prefix-0..k-1}. */
  static ChatMessage call(String prefix, int k) {
    List<ToolCall> calls = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      calls.add(ToolCall.of(prefix + "-" + i, "tool" + i, "{\"n\":" + i + "}"));
    }
    return ChatMessage.assistant("", calls);
  }

  /** Returns the result of call {@code prefix-i}. */
  static ChatMessage result(String prefix, int i) {
    return ChatMessage.tool(prefix + "-" + i, "tool" + i, "result " + i);
  }

  /** Returns a call of {@code k} tools followed by its {@code k} results, in call order. */
  static List<ChatMessage> unit(String prefix, int k) {
    List<ChatMessage> unit = new ArrayList<>();
    unit.add(call(prefix, k));
    for (int i = 0; i < k; i++) {
      unit.add(result(prefix, i));
    }
    return unit;
  }

  /** Returns one message of every shape the SDK knows, plus one of a role it does not. */
  public static List<ChatMessage> everyShape() {
    return ChatMessageSamples.everyShape();
  }
}
