package dev.codexcontinue.provider.ollama.internal;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolSpec;

/**
 * Estimates how many tokens a prompt takes without the model's tokenizer: about four UTF-8 bytes
 * per token (close for English and code; non-Latin scripts count more bytes per character, which
 * keeps the estimate from falling far short), plus a few tokens per message for the template's role
 * markers. Good enough to size a context window and to tell a whole prompt from a cut one.
 */
public final class TokenEstimates {
  private static final int BYTES_PER_TOKEN = 4;
  private static final int PER_MESSAGE = 8;
  private static final int PER_TOOL = 16;

  private TokenEstimates() {}

  /** Returns the estimated prompt tokens of a chat request: messages, tool calls and tools. */
  public static int chat(ChatRequest request) {
    long bytes = 0;
    long overhead = 0;
    for (ChatMessage message : request.messages()) {
      bytes += utf8(message.text()) + utf8(message.reasoning().orElse(""));
      for (ToolCall call : message.toolCalls()) {
        bytes += utf8(call.name()) + utf8(call.arguments());
      }
      overhead += PER_MESSAGE;
    }
    for (ToolSpec tool : request.tools()) {
      bytes += utf8(tool.name()) + utf8(tool.description()) + utf8(tool.parametersSchema());
      overhead += PER_TOOL;
    }
    return saturate(ceilDiv(bytes) + overhead);
  }

  /** Returns the estimated tokens of a completion's prompt (prefix and suffix). */
  public static int text(String... parts) {
    long bytes = 0;
    for (String part : parts) {
      bytes += utf8(part);
    }
    return saturate(ceilDiv(bytes) + PER_MESSAGE);
  }

  /**
   * Returns the UTF-8 length of {@code s} (an unpaired surrogate counts 3, an estimate's rounding).
   */
  static long utf8(String s) {
    // Counting without encoding: ASCII is the common case and costs one pass.
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static long ceilDiv(long bytes) {
    return (bytes + BYTES_PER_TOKEN - 1) / BYTES_PER_TOKEN;
  }

  private static int saturate(long n) {
    return (int) Math.min(Integer.MAX_VALUE, n);
  }
}
