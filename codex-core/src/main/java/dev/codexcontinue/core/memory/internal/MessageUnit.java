package dev.codexcontinue.core.memory.internal;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Messages that are kept or evicted together: a single message, or an assistant message with tool
 * calls followed by the results of those calls. A provider rejects a tool result without its call
 * and a call without its results, so a unit is never split.
 */
final class MessageUnit {
  private final List<ChatMessage> messages = new ArrayList<>(1);
  private final Set<String> pendingCallIds = new LinkedHashSet<>();
  private long tokens;

  MessageUnit(ChatMessage first, int tokens) {
    messages.add(first);
    this.tokens = tokens;
    for (ToolCall call : first.toolCalls()) {
      pendingCallIds.add(call.id());
    }
  }

  /** Returns whether {@code result} answers a call of this unit that has no result yet. */
  boolean accepts(ChatMessage result) {
    return result.toolCallId().map(pendingCallIds::contains).orElse(false);
  }

  void addResult(ChatMessage result, int resultTokens) {
    pendingCallIds.remove(result.toolCallId().orElseThrow());
    messages.add(result);
    tokens += resultTokens;
  }

  /** Returns false while a call of this unit still waits for its result. */
  boolean isComplete() {
    return pendingCallIds.isEmpty();
  }

  List<ChatMessage> messages() {
    return messages;
  }

  int size() {
    return messages.size();
  }

  long tokens() {
    return tokens;
  }
}
