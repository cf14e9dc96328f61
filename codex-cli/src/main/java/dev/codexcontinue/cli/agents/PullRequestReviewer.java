package dev.codexcontinue.cli.agents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.prompt.PromptLibrary;
import dev.codexcontinue.core.tool.ToolApprover;
import dev.codexcontinue.core.tool.ToolExecution;
import dev.codexcontinue.core.tool.ToolExecutor;
import dev.codexcontinue.core.tool.ToolPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The blueprint's GitHub agent: reads a pull request (its description, changed files and diff)
 * through the GitHub tools, has the model write a review, and posts it as a {@code COMMENT} review
 * only when asked and approved. Reading goes through the tools' own policy (reads are allowed);
 * posting asks the given {@link ToolApprover}, which sees the exact request.
 *
 * <pre>{@code
 * try (GitHubTools github = GitHubTools.builder().fromEnv().build()) {
 *   PullRequestReviewer reviewer =
 *       PullRequestReviewer.builder().provider(provider).githubTools(github.tools()).build();
 *   Review review = reviewer.review(PullRequestRef.parse(url), System.out::print);
 *   PostResult posted = reviewer.post(review, invocation -> askTheUser(invocation));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; the provider and tools are borrowed.
 */
public final class PullRequestReviewer {
  /** The GitHub tool that posts reviews. */
  public static final String CREATE_REVIEW = "github_create_review";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Provider provider;
  private final List<Tool> tools;
  private final int maxDiffChars;
  private final Duration approvalTimeout;
  private final PromptLibrary prompts;

  private PullRequestReviewer(Builder b) {
    this.provider = Objects.requireNonNull(b.provider, "provider");
    this.tools = List.copyOf(b.tools);
    this.maxDiffChars = b.maxDiffChars;
    this.approvalTimeout = b.approvalTimeout;
    this.prompts = b.prompts;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the pull request and streams the model's review to {@code listener}.
   *
   * @throws IllegalStateException when GitHub refuses a read (the message says why)
   * @throws dev.codexcontinue.api.exception.CodexException when the model fails
   */
  public Review review(PullRequestRef pullRequest, TurnListener listener) {
    Objects.requireNonNull(pullRequest, "pullRequest == null");
    Objects.requireNonNull(listener, "listener == null");
    String prompt = prompt(pullRequest);
    AgentOptions options =
        AgentOptions.builder()
            .systemPrompt(PromptLibrary.CODE_REVIEWER)
            .rememberTurns(false)
            .build();
    try (Agent agent =
        Agent.builder().provider(provider).options(options).prompts(prompts).build()) {
      AgentReply reply =
          AgentTurns.stream(agent, AgentRequest.of("review-" + pullRequest, prompt), listener);
      return new Review(pullRequest, reply.text(), reply.usage());
    }
  }

  /** Returns the user message the model is given: the pull request, its files and its diff. */
  public String prompt(PullRequestRef pullRequest) {
    Objects.requireNonNull(pullRequest, "pullRequest == null");
    ToolExecutor reads = ToolExecutor.builder().tools(tools).build();
    String details = read(reads, "github_get_pull_request", pullRequest);
    String files = read(reads, "github_list_pull_request_files", pullRequest);
    String diff = read(reads, "github_get_pull_request_diff", pullRequest);
    if (diff.length() > maxDiffChars) {
      diff = diff.substring(0, maxDiffChars) + "\n[diff cut at " + maxDiffChars + " characters]";
    }
    return "Review pull request "
        + pullRequest
        + ". Write the review in Markdown: a short summary of what the change does, then"
        + " numbered findings (file and line, the problem, a concrete fix), most important"
        + " first, then a one-line verdict. Say so when you find nothing worth changing.\n\n"
        + "## Pull request\n"
        + details.strip()
        + "\n\n## Changed files\n"
        + files.strip()
        + "\n\n## Diff\n```diff\n"
        + diff.strip()
        + "\n```\n";
  }

  /**
   * Posts {@code review} on its pull request as a {@code COMMENT} review, if {@code approver}
   * approves the exact request. Never retried.
   */
  public PostResult post(Review review, ToolApprover approver) {
    Objects.requireNonNull(review, "review == null");
    Objects.requireNonNull(approver, "approver == null");
    ToolExecutor executor =
        ToolExecutor.builder()
            .tools(tools)
            .policy(ToolPolicy.builder().ask(CREATE_REVIEW).build())
            .approver(approver)
            .approvalTimeout(approvalTimeout)
            .build();
    ObjectNode args = arguments(review.pullRequest());
    args.put("event", "COMMENT").put("body", review.text());
    ToolExecution run =
        executor.execute(
            new ToolCall("post-review", CREATE_REVIEW, args.toString()), ToolContext.none());
    String message = run.result().content();
    return switch (run.outcome()) {
      case EXECUTED -> new PostResult(PostResult.Status.POSTED, message);
      case DENIED_BY_USER -> new PostResult(PostResult.Status.DENIED, message);
      default -> new PostResult(PostResult.Status.FAILED, message);
    };
  }

  private static String read(ToolExecutor reads, String tool, PullRequestRef pr) {
    ToolExecution run =
        reads.execute(new ToolCall(tool, tool, arguments(pr).toString()), ToolContext.none());
    if (run.outcome() != ToolExecution.Outcome.EXECUTED) {
      throw new IllegalStateException(
          "cannot read " + pr + " (" + tool + "): " + run.result().content());
    }
    return run.result().content();
  }

  private static ObjectNode arguments(PullRequestRef pr) {
    return JSON.createObjectNode()
        .put("owner", pr.owner())
        .put("repo", pr.repo())
        .put("number", pr.number());
  }

  /** Builds a {@link PullRequestReviewer}. Not thread-safe. */
  public static final class Builder {
    @Nullable private Provider provider;
    private List<Tool> tools = List.of();
    private int maxDiffChars = 60_000;
    private Duration approvalTimeout = Duration.ofMinutes(10);
    private PromptLibrary prompts = PromptLibrary.defaults();

    private Builder() {}

    /** Sets the model that writes the review. Required. */
    public Builder provider(Provider provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
      return this;
    }

    /**
     * Sets the GitHub tools ({@code GitHubTools.tools()}): the pull request reads, and {@value
     * #CREATE_REVIEW} for posting. Required.
     */
    public Builder githubTools(List<? extends Tool> tools) {
      this.tools = List.copyOf(Objects.requireNonNull(tools, "tools == null"));
      return this;
    }

    /** Sets how much of the diff the model sees; 60,000 characters by default. */
    public Builder maxDiffChars(int chars) {
      if (chars < 1_000) {
        throw new IllegalArgumentException("maxDiffChars must be at least 1000: " + chars);
      }
      this.maxDiffChars = chars;
      return this;
    }

    /** Sets how long the approver may take before a post counts as denied; 10 min by default. */
    public Builder approvalTimeout(Duration timeout) {
      this.approvalTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /** Sets the prompt library ({@code code-reviewer} is the system prompt). */
    public Builder prompts(PromptLibrary prompts) {
      this.prompts = Objects.requireNonNull(prompts, "prompts == null");
      return this;
    }

    /**
     * Returns the reviewer.
     *
     * @throws IllegalStateException when the provider or the tools are missing
     */
    public PullRequestReviewer build() {
      if (provider == null) {
        throw new IllegalStateException("provider is required");
      }
      if (tools.stream().noneMatch(t -> t.spec().name().equals("github_get_pull_request_diff"))) {
        throw new IllegalStateException("the GitHub tools are required (githubTools)");
      }
      return new PullRequestReviewer(this);
    }
  }
}
