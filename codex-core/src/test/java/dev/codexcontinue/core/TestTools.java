package dev.codexcontinue.core;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.core.tool.JsonSchema;
import dev.codexcontinue.core.tool.Tools;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tools for agent tests that record what they were asked to do. */
final class TestTools {
  private TestTools() {}

  /** A tool that records each call's arguments JSON and answers {@code answer}. */
  static final class Recording {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Tool tool;

    Recording(String name, String answer, ToolPermission permission) {
      this.tool =
          Tools.builder(name)
              .description("Test tool " + name)
              .parameters(JsonSchema.object().property("q", JsonSchema.string()))
              .permission(permission)
              .handler(
                  (args, ctx) -> {
                    calls.add(args.json());
                    return answer;
                  })
              .build();
    }
  }

  static Recording recording(String name, String answer) {
    return new Recording(name, answer, ToolPermission.ALLOW);
  }
}
