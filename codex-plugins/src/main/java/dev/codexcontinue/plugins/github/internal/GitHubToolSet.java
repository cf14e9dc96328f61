package dev.codexcontinue.plugins.github.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.plugins.net.internal.SchemaBuilder;
import dev.codexcontinue.plugins.net.internal.ToolArgs;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/** Creates the GitHub tools over one client: seven reads and, unless read-only, two writes. */
public final class GitHubToolSet {
  private static final int MAX_COMMENT = 65_536;

  private GitHubToolSet() {}

  /**
   * Returns the tools; {@code maxFileChars} caps a file's text, {@code maxDiffBytes} a diff. With
   * {@code readOnly}, the comment and review tools are left out.
   */
  public static List<Tool> create(
      GitHubClient client, boolean readOnly, int maxFileChars, int maxDiffBytes) {
    HttpUrl api = client.apiUrl();
    List<Tool> tools = new ArrayList<>();
    tools.add(
        GitHubTool.read(
            spec(
                "github_get_file",
                "Reads a file (or lists a directory) of a GitHub repository at a branch, tag or"
                    + " commit.",
                repo()
                    .string("path", "Path in the repository, '' for the root", 1024, true)
                    .string(
                        "ref",
                        "Branch, tag or commit SHA; the default branch if absent",
                        255,
                        false)),
            client,
            a -> {
              HttpUrl.Builder u =
                  Repos.path(Repos.repo(api, a).addPathSegment("contents"), a.text("path"));
              a.optText("ref").ifPresent(ref -> u.addQueryParameter("ref", ref));
              return GitHubRequest.get(u.build());
            },
            (r, a) -> Render.contents(r, a, maxFileChars)));
    tools.add(
        GitHubTool.list(
            spec(
                "github_list_pull_requests",
                "Lists pull requests of a GitHub repository, most recently updated first.",
                limit(state(repo()))),
            client,
            a ->
                GitHubRequest.get(
                    paged(Repos.repo(api, a).addPathSegment("pulls"), a)
                        .addQueryParameter("state", a.optText("state").orElse("open"))
                        .addQueryParameter("sort", "updated")
                        .addQueryParameter("direction", "desc")
                        .build()),
            "",
            Render::pull));
    tools.add(
        GitHubTool.read(
            spec(
                "github_get_pull_request",
                "Gets one pull request: title, state, branches, size and description.",
                number(repo())),
            client,
            a -> GitHubRequest.get(pull(api, a).build()),
            Render::pullDetail));
    tools.add(
        GitHubTool.read(
            spec(
                "github_get_pull_request_diff",
                "Gets the unified diff of a pull request (cut at "
                    + maxDiffBytes
                    + " bytes; list its files for the rest).",
                number(repo())),
            client,
            a ->
                new GitHubRequest("GET", pull(api, a).build(), "application/vnd.github.diff", null),
            (r, a) -> Render.diff(r, maxDiffBytes)));
    tools.add(
        GitHubTool.list(
            spec(
                "github_list_pull_request_files",
                "Lists the files a pull request changes, with additions, deletions and patch.",
                limit(number(repo()))),
            client,
            a -> GitHubRequest.get(paged(pull(api, a).addPathSegment("files"), a).build()),
            "",
            Render::file));
    tools.add(
        GitHubTool.list(
            spec(
                "github_list_issues",
                "Lists issues of a GitHub repository (pull requests are marked), newest first.",
                limit(
                    state(repo())
                        .string("labels", "Comma-separated label names to filter by", 500, false))),
            client,
            a -> {
              HttpUrl.Builder u =
                  paged(Repos.repo(api, a).addPathSegment("issues"), a)
                      .addQueryParameter("state", a.optText("state").orElse("open"));
              a.optText("labels").ifPresent(l -> u.addQueryParameter("labels", l));
              return GitHubRequest.get(u.build());
            },
            "",
            Render::issue));
    tools.add(
        GitHubTool.list(
            spec(
                "github_search_code",
                "Searches code on GitHub with GitHub's search syntax (for example 'addClass"
                    + " language:js'); narrow it to one repository with owner and repo.",
                limit(
                    SchemaBuilder.object()
                        .string("query", "The search terms and qualifiers", 256, true)
                        .string("owner", "Repository owner, to search one repository", 39, false)
                        .string("repo", "Repository name, with owner", 100, false))),
            client,
            a -> GitHubRequest.get(search(api, a)),
            "items",
            Render::codeHit));
    if (!readOnly) {
      tools.add(
          GitHubTool.write(
              spec(
                  "github_comment",
                  "Posts a comment on a pull request or an issue. Needs approval.",
                  number(repo()).string("body", "The comment, in Markdown", MAX_COMMENT, true)),
              client,
              a -> {
                ObjectNode body = ToolArgs.JSON.createObjectNode().put("body", a.text("body"));
                HttpUrl u =
                    Repos.number(Repos.repo(api, a).addPathSegment("issues"), a)
                        .addPathSegment("comments")
                        .build();
                return GitHubRequest.post(u, body.toString());
              },
              (r, a) -> Render.created(r, "Comment")));
      tools.add(
          GitHubTool.write(
              spec(
                  "github_create_review",
                  "Posts a review on a pull request: a verdict, a summary and optional line"
                      + " comments. Needs approval.",
                  number(repo())
                      .oneOf("event", "The verdict", true, "COMMENT", "APPROVE", "REQUEST_CHANGES")
                      .string("body", "The review summary, in Markdown", MAX_COMMENT, false)
                      .property("comments", reviewComments(), false)),
              client,
              a -> GitHubRequest.post(pull(api, a).addPathSegment("reviews").build(), review(a)),
              (r, a) -> Render.created(r, "Review")));
    }
    return List.copyOf(tools);
  }

  private static ToolSpec spec(String name, String description, SchemaBuilder schema) {
    return new ToolSpec(name, description, schema.build());
  }

  private static SchemaBuilder repo() {
    return SchemaBuilder.object()
        .string("owner", "Repository owner (user or organization)", 39, true)
        .string("repo", "Repository name", 100, true);
  }

  private static SchemaBuilder number(SchemaBuilder b) {
    return b.integer("number", "Pull request or issue number", 1, Integer.MAX_VALUE, true);
  }

  private static SchemaBuilder state(SchemaBuilder b) {
    return b.oneOf("state", "Which to list (default open)", false, "open", "closed", "all");
  }

  private static SchemaBuilder limit(SchemaBuilder b) {
    return b.integer("limit", "Most items to return (default 30)", 1, 100, false);
  }

  private static HttpUrl.Builder pull(HttpUrl api, ToolArgs a) {
    return Repos.number(Repos.repo(api, a).addPathSegment("pulls"), a);
  }

  private static HttpUrl.Builder paged(HttpUrl.Builder url, ToolArgs a) {
    return url.addQueryParameter("per_page", Integer.toString(a.integer("limit", 30, 1, 100)));
  }

  private static HttpUrl search(HttpUrl api, ToolArgs a) {
    String q = a.text("query").strip();
    if (a.optText("owner").isPresent() || a.optText("repo").isPresent()) {
      Repos.repo(api, a); // validates both
      q = q + " repo:" + a.text("owner") + "/" + a.text("repo");
    }
    return paged(api.newBuilder().addPathSegment("search").addPathSegment("code"), a)
        .addQueryParameter("q", q)
        .build();
  }

  private static JsonNode reviewComments() {
    ObjectNode item = ToolArgs.JSON.createObjectNode().put("type", "object");
    ObjectNode props = item.putObject("properties");
    props.putObject("path").put("type", "string").put("maxLength", 1024);
    props.putObject("line").put("type", "integer").put("minimum", 1);
    props.putObject("side").put("type", "string").putArray("enum").add("LEFT").add("RIGHT");
    props.putObject("body").put("type", "string").put("maxLength", MAX_COMMENT);
    item.putArray("required").add("path").add("line").add("body");
    item.put("additionalProperties", false);
    ObjectNode array = ToolArgs.JSON.createObjectNode().put("type", "array").put("maxItems", 50);
    array.put("description", "Comments on lines of the pull request's diff");
    array.set("items", item);
    return array;
  }

  private static String review(ToolArgs a) {
    ObjectNode body = ToolArgs.JSON.createObjectNode().put("event", a.text("event"));
    a.optText("body").ifPresent(b -> body.put("body", b));
    a.value("comments")
        .ifPresent(
            comments -> {
              ArrayNode out = body.putArray("comments");
              comments.forEach(c -> out.add(c.deepCopy()));
            });
    return body.toString();
  }
}
