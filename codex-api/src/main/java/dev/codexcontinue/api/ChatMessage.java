package dev.codexcontinue.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * One message of a conversation: its role, its content parts (text and images), and for the
 * assistant the tool calls it asked for, for a tool message the id and name of the call it answers.
 * Immutable.
 *
 * <pre>{@code
 * ChatMessage.system("You are terse.");
 * ChatMessage.user("What is in this picture?", ImagePart.ofUrl("https://example.com/cat.png"));
 * ChatMessage.assistant("", List.of(ToolCall.of("call_1", "weather", "{\"city\":\"Oslo\"}")));
 * ChatMessage.tool("call_1", "weather", "{\"celsius\":-3}");
 * }</pre>
 */
public final class ChatMessage {
  private final Role role;
  private final List<ContentPart> parts;
  private final List<ToolCall> toolCalls;
  @Nullable private final String toolCallId;
  @Nullable private final String name;
  @Nullable private final String reasoning;

  private ChatMessage(Builder b) {
    this.role = b.role;
    this.parts = List.copyOf(b.parts);
    this.toolCalls = List.copyOf(b.toolCalls);
    this.toolCallId = b.toolCallId;
    this.name = b.name;
    this.reasoning = b.reasoning;
  }

  /** Returns a system message. */
  public static ChatMessage system(String text) {
    return builder(Role.SYSTEM).text(text).build();
  }

  /** Returns a user message of text. */
  public static ChatMessage user(String text) {
    return builder(Role.USER).text(text).build();
  }

  /** Returns a user message of text followed by images or more parts. */
  public static ChatMessage user(String text, ContentPart... more) {
    Builder b = builder(Role.USER).text(text);
    for (ContentPart part : more) {
      b.addPart(part);
    }
    return b.build();
  }

  /** Returns an assistant message of text. */
  public static ChatMessage assistant(String text) {
    return builder(Role.ASSISTANT).text(text).build();
  }

  /** Returns an assistant message with text (possibly empty) and tool calls. */
  public static ChatMessage assistant(String text, List<ToolCall> toolCalls) {
    return builder(Role.ASSISTANT).text(text).toolCalls(toolCalls).build();
  }

  /** Returns the message that answers tool call {@code toolCallId} of tool {@code toolName}. */
  public static ChatMessage tool(String toolCallId, String toolName, String content) {
    return builder(Role.TOOL).toolCallId(toolCallId).name(toolName).text(content).build();
  }

  /** Returns a builder for a message with the given role. */
  public static Builder builder(Role role) {
    return new Builder(role);
  }

  /** Returns the role. */
  public Role role() {
    return role;
  }

  /** Returns the content parts in order. */
  public List<ContentPart> parts() {
    return parts;
  }

  /** Returns the text parts joined, or an empty string when there is none. */
  public String text() {
    if (parts.size() == 1 && parts.get(0) instanceof TextPart only) {
      return only.text();
    }
    StringBuilder sb = new StringBuilder();
    for (ContentPart part : parts) {
      if (part instanceof TextPart t) {
        sb.append(t.text());
      }
    }
    return sb.toString();
  }

  /** Returns the image parts. */
  public List<ImagePart> images() {
    List<ImagePart> images = new ArrayList<>();
    for (ContentPart part : parts) {
      if (part instanceof ImagePart image) {
        images.add(image);
      }
    }
    return images;
  }

  /** Returns the tool calls of an assistant message; empty for other roles. */
  public List<ToolCall> toolCalls() {
    return toolCalls;
  }

  /** Returns whether this is an assistant message that asks for tool calls. */
  public boolean hasToolCalls() {
    return !toolCalls.isEmpty();
  }

  /** Returns the id of the call a tool message answers. */
  public Optional<String> toolCallId() {
    return Optional.ofNullable(toolCallId);
  }

  /** Returns the tool name of a tool message, or the participant name of another message. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** Returns the model's reasoning ("thinking") text that came with an assistant message. */
  public Optional<String> reasoning() {
    return Optional.ofNullable(reasoning);
  }

  /** Returns a builder pre-filled with this message. */
  public Builder toBuilder() {
    Builder b = new Builder(role);
    b.parts.addAll(parts);
    b.toolCalls.addAll(toolCalls);
    b.toolCallId = toolCallId;
    b.name = name;
    b.reasoning = reasoning;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof ChatMessage m
        && role.equals(m.role)
        && parts.equals(m.parts)
        && toolCalls.equals(m.toolCalls)
        && Objects.equals(toolCallId, m.toolCallId)
        && Objects.equals(name, m.name)
        && Objects.equals(reasoning, m.reasoning);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, parts, toolCalls, toolCallId, name, reasoning);
  }

  /** Shows the role, sizes and ids, never the content, so logs do not carry prompts. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ChatMessage[").append(role);
    sb.append(", ").append(text().length()).append(" chars");
    int images = images().size();
    if (images > 0) {
      sb.append(", ").append(images).append(" images");
    }
    if (!toolCalls.isEmpty()) {
      sb.append(", toolCalls=").append(toolCalls.stream().map(ToolCall::name).toList());
    }
    if (toolCallId != null) {
      sb.append(", toolCallId=").append(toolCallId);
    }
    return sb.append(']').toString();
  }

  /** Builds a {@link ChatMessage}. Not thread-safe. */
  public static final class Builder {
    private final Role role;
    private final List<ContentPart> parts = new ArrayList<>();
    private final List<ToolCall> toolCalls = new ArrayList<>();
    @Nullable private String toolCallId;
    @Nullable private String name;
    @Nullable private String reasoning;

    private Builder(Role role) {
      this.role = Objects.requireNonNull(role, "role == null");
    }

    /** Appends a text part. */
    public Builder text(String text) {
      parts.add(new TextPart(text));
      return this;
    }

    /** Appends a content part. */
    public Builder addPart(ContentPart part) {
      parts.add(Objects.requireNonNull(part, "part == null"));
      return this;
    }

    /** Replaces the tool calls (assistant messages only). */
    public Builder toolCalls(List<ToolCall> calls) {
      Objects.requireNonNull(calls, "toolCalls == null");
      toolCalls.clear();
      calls.forEach(this::addToolCall);
      return this;
    }

    /** Appends a tool call (assistant messages only). */
    public Builder addToolCall(ToolCall call) {
      toolCalls.add(Objects.requireNonNull(call, "toolCall == null"));
      return this;
    }

    /** Sets the id of the call a tool message answers. */
    public Builder toolCallId(String toolCallId) {
      this.toolCallId = Objects.requireNonNull(toolCallId, "toolCallId == null");
      return this;
    }

    /** Sets the tool name (tool messages) or participant name. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Sets the reasoning text of an assistant message. */
    public Builder reasoning(String reasoning) {
      this.reasoning = Objects.requireNonNull(reasoning, "reasoning == null");
      return this;
    }

    /**
     * Returns the message.
     *
     * @throws IllegalStateException when a tool message has no call id, or a message other than an
     *     assistant message carries tool calls
     */
    public ChatMessage build() {
      if (role.equals(Role.TOOL) && (toolCallId == null || toolCallId.isBlank())) {
        throw new IllegalStateException("a tool message needs the id of the call it answers");
      }
      if (!toolCalls.isEmpty() && !role.equals(Role.ASSISTANT)) {
        throw new IllegalStateException("only assistant messages carry tool calls");
      }
      return new ChatMessage(this);
    }
  }
}
