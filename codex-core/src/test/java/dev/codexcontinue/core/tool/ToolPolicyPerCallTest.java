package dev.codexcontinue.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import org.junit.jupiter.api.Test;

/** A tool's own per-call rating applies when no rule matches, and fails closed. */
final class ToolPolicyPerCallTest {
  /** Allows calls whose argument says "ls", asks for the rest, throws for "boom". */
  private static final Tool SHELL_LIKE =
      new Tool() {
        @Override
        public ToolSpec spec() {
          return ToolSpec.withoutParameters("shell", "runs commands");
        }

        @Override
        public ToolResult execute(ToolCall call, ToolContext context) {
          return ToolResult.of("ran");
        }

        @Override
        public ToolPermission permissionFor(ToolCall call) {
          if (call.arguments().contains("boom")) {
            throw new IllegalStateException("cannot rate");
          }
          return call.arguments().contains("\"ls\"") ? ToolPermission.ALLOW : ToolPermission.ASK;
        }
      };

  private static ToolCall call(String cmd) {
    return ToolCall.of("c1", "shell", "{\"cmd\":\"" + cmd + "\"}");
  }

  @Test
  void decide_noRule_usesTheToolsRatingOfTheCall() {
    ToolPolicy policy = ToolPolicy.defaults();
    assertThat(policy.decide(SHELL_LIKE, call("ls"))).isEqualTo(ToolPermission.ALLOW);
    assertThat(policy.decide(SHELL_LIKE, call("rm"))).isEqualTo(ToolPermission.ASK);
  }

  @Test
  void decide_ratingThrows_denies() {
    assertThat(ToolPolicy.defaults().decide(SHELL_LIKE, call("boom")))
        .isEqualTo(ToolPermission.DENY);
  }

  @Test
  void decide_ruleMatches_winsOverTheRating() {
    ToolPolicy policy = ToolPolicy.builder().deny("shell").build();
    assertThat(policy.decide(SHELL_LIKE, call("ls"))).isEqualTo(ToolPermission.DENY);
    assertThat(ToolPolicy.denyByDefault().decide(SHELL_LIKE, call("ls")))
        .isEqualTo(ToolPermission.DENY);
  }
}
