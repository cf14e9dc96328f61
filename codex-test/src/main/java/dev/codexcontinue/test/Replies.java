package dev.codexcontinue.test;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolCall;
import java.util.ArrayList;
import java.util.List;

/** Builds scripted responses and splits them into the chunks a real stream would carry. */
final class Replies {
  private Replies() {}

  static ChatResponse text(ChatRequest request, String text, int callNumber) {
    return ChatResponse.builder()
        .id("scripted-" + callNumber)
        .model(request.model().orElse("scripted"))
        .message(ChatMessage.assistant(text))
        .usage(usage(request, text.length()))
        .finishReason(FinishReason.STOP)
        .build();
  }

  static ChatResponse toolCalls(ChatRequest request, List<ToolCall> calls, int callNumber) {
    int argChars = calls.stream().mapToInt(c -> c.arguments().length() + c.name().length()).sum();
    return ChatResponse.builder()
        .id("scripted-" + callNumber)
        .model(request.model().orElse("scripted"))
        .message(ChatMessage.assistant("", calls))
        .usage(usage(request, argChars))
        .finishReason(FinishReason.TOOL_CALLS)
        .build();
  }

  /** Estimates usage deterministically: about four characters per token. */
  static TokenUsage usage(ChatRequest request, int outputChars) {
    int inputChars = 0;
    for (ChatMessage m : request.messages()) {
      inputChars += m.text().length() + 4;
    }
    return new TokenUsage(inputChars / 4 + 1, outputChars / 4 + 1);
  }

  /**
   * Returns the chunks of {@code response}: reasoning and text in pieces of {@code pieceSize}
   * characters, each tool call as a first delta with id and name and half the arguments and a
   * second with the rest (so consumers must assemble), then the usage.
   */
  static List<ChatChunk> chunks(ChatResponse response, int pieceSize) {
    List<ChatChunk> chunks = new ArrayList<>();
    response
        .reasoning()
        .ifPresent(
            r -> split(r, pieceSize).forEach(p -> chunks.add(new ChatChunk.ReasoningDelta(p))));
    split(response.text(), pieceSize).forEach(p -> chunks.add(new ChatChunk.TextDelta(p)));
    List<ToolCall> calls = response.toolCalls();
    for (int i = 0; i < calls.size(); i++) {
      ToolCall call = calls.get(i);
      String args = call.arguments();
      int half = args.length() / 2;
      chunks.add(ChatChunk.toolCall(i, call.id(), call.name(), args.substring(0, half)));
      chunks.add(ChatChunk.toolCall(i, "", "", args.substring(half)));
    }
    chunks.add(new ChatChunk.UsageDelta(response.usage()));
    return chunks;
  }

  private static List<String> split(String text, int pieceSize) {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < text.length(); i += pieceSize) {
      pieces.add(text.substring(i, Math.min(text.length(), i + pieceSize)));
    }
    return pieces;
  }
}
