package dev.codexcontinue.examples.customtool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import java.util.Map;
import java.util.Objects;

/**
 * A tool of your own, written against codex-api alone (as a plugin jar would be): it looks a ticket
 * up in the team's tracker. Here the tracker is a map; in yours, {@link #execute} calls its API.
 * The agent validates the arguments against {@link #spec()}'s schema before calling it.
 */
public final class TicketLookupTool implements Tool {
  /** The tool's name. */
  public static final String NAME = "ticket_lookup";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ToolSpec SPEC =
      new ToolSpec(
          NAME,
          "Looks up a ticket of the team's tracker by its id, such as OPS-42: title, state and"
              + " assignee.",
          "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\","
              + "\"pattern\":\"^[A-Z]+-[0-9]+$\",\"description\":\"the ticket id\"}},"
              + "\"required\":[\"id\"],\"additionalProperties\":false}");

  private final String project;
  private final Map<String, String> tickets;

  /**
   * Creates the tool for the tickets of {@code project} ({@code OPS}), found in {@code tickets}.
   */
  public TicketLookupTool(String project, Map<String, String> tickets) {
    this.project = Objects.requireNonNull(project, "project == null");
    this.tickets = Map.copyOf(Objects.requireNonNull(tickets, "tickets == null"));
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  /** Only reads, so the agent may run it without asking unless its policy says otherwise. */
  @Override
  public ToolPermission defaultPermission() {
    return ToolPermission.ALLOW;
  }

  /**
   * Describes a call by its ticket id, the text that policy rules such as {@code
   * ticket_lookup(OPS-*)} match.
   */
  @Override
  public String describeCall(ToolCall call) {
    return id(call);
  }

  @Override
  public ToolResult execute(ToolCall call, ToolContext context) {
    String id = id(call);
    if (!id.startsWith(project + "-")) {
      // An error result goes back to the model, which can correct itself.
      return ToolResult.error("ticket " + id + " is not in project " + project);
    }
    String ticket = tickets.get(id);
    return ticket == null ? ToolResult.error("no ticket " + id) : ToolResult.of(id + " " + ticket);
  }

  private static String id(ToolCall call) {
    try {
      JsonNode id = JSON.readTree(call.arguments()).path("id");
      if (!id.isTextual()) {
        throw new IllegalArgumentException("argument 'id' must be a string");
      }
      return id.asText();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("arguments are not JSON", e);
    }
  }
}
