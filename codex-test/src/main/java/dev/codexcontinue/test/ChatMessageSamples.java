package dev.codexcontinue.test;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ImagePart;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.ToolCall;
import java.util.List;

/** Sample messages for store and codec tests: one of every shape the SDK knows. */
public final class ChatMessageSamples {
  private ChatMessageSamples() {}

  /** Returns one message of every shape the SDK knows, plus one of a role it does not. */
  public static List<ChatMessage> everyShape() {
    return List.of(
        ChatMessage.system("You are terse."),
        ChatMessage.user("plain"),
        ChatMessage.user(""),
        ChatMessage.user(
            "what is this?",
            ImagePart.ofUrl("https://example.com/cat.png"),
            new ImagePart("http://example.com/dog.png", "low")),
        ChatMessage.user(
            "inline", ImagePart.ofBytes(new byte[] {1, 2, 3, (byte) 0xff}, "image/png")),
        ChatMessage.builder(Role.USER).text("two ").text("parts").name("ada").build(),
        ChatMessage.assistant(
            "line one\nline two \u2028 \"quoted\" \\ tab\t NUL \u0000 emoji \uD83D\uDE00"),
        ChatMessage.builder(Role.ASSISTANT)
            .text("calling")
            .addToolCall(ToolCall.of("call_1", "weather", "{\"city\":\"Oslo\"}"))
            .addToolCall(ToolCall.of("call_2", "time", ""))
            .reasoning("the user wants weather")
            .build(),
        ChatMessage.tool("call_1", "weather", "{\"celsius\":-3}"),
        ChatMessage.builder(Role.TOOL).toolCallId("call_2").build(),
        ChatMessage.builder(Role.of("developer")).text("new role").build(),
        ChatMessage.builder(Role.ASSISTANT).build());
  }
}
