package dev.codexcontinue.plugins.github.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.plugins.net.internal.NetworkTool;
import dev.codexcontinue.plugins.net.internal.ToolArgs;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One GitHub tool: arguments become a {@link GitHubRequest} (what the approver sees), which the
 * client sends; the answer is reduced to what the model needs. Lists are paged up to the call's
 * {@code limit}; mutations ask for approval, reads are allowed.
 */
final class GitHubTool extends NetworkTool {
  /** Turns an answer into the text the model reads. */
  interface Renderer {
    String render(HttpResult result, ToolArgs args);
  }

  private final GitHubClient client;
  private final Function<ToolArgs, GitHubRequest> request;
  private final Renderer renderer;
  private final String itemsField;
  private final UnaryOperator<JsonNode> item;
  private final boolean list;

  private GitHubTool(
      ToolSpec spec,
      GitHubClient client,
      Function<ToolArgs, GitHubRequest> request,
      Renderer renderer,
      String itemsField,
      UnaryOperator<JsonNode> item,
      boolean list,
      ToolPermission permission) {
    super(spec, permission, client.redactor());
    this.client = client;
    this.request = request;
    this.renderer = renderer;
    this.itemsField = itemsField;
    this.item = item;
    this.list = list;
  }

  /** A read of one resource. */
  static GitHubTool read(
      ToolSpec spec,
      GitHubClient client,
      Function<ToolArgs, GitHubRequest> request,
      Renderer renderer) {
    return new GitHubTool(spec, client, request, renderer, "", x -> x, false, ToolPermission.ALLOW);
  }

  /**
   * A paged list: each item of {@code itemsField} (or of the page itself) reduced by {@code item}.
   */
  static GitHubTool list(
      ToolSpec spec,
      GitHubClient client,
      Function<ToolArgs, GitHubRequest> request,
      String itemsField,
      UnaryOperator<JsonNode> item) {
    return new GitHubTool(
        spec, client, request, (r, a) -> "", itemsField, item, true, ToolPermission.ALLOW);
  }

  /** A call that changes data: asks for approval by default and is never retried. */
  static GitHubTool write(
      ToolSpec spec,
      GitHubClient client,
      Function<ToolArgs, GitHubRequest> request,
      Renderer renderer) {
    return new GitHubTool(spec, client, request, renderer, "", x -> x, false, ToolPermission.ASK);
  }

  @Override
  protected String describe(ToolArgs args) {
    return request.apply(args).describe();
  }

  @Override
  protected ToolResult run(ToolArgs args, ToolContext context) {
    GitHubRequest req = request.apply(args);
    if (!list) {
      return ToolResult.of(renderer.render(client.send(req), args));
    }
    int limit = args.integer("limit", 30, 1, 100);
    List<JsonNode> items = client.list(req.url(), itemsField, limit);
    ArrayNode out = ToolArgs.JSON.createArrayNode();
    items.forEach(i -> out.add(item.apply(i)));
    return ToolResult.of(out.isEmpty() ? "[] (nothing found)" : out.toString());
  }
}
