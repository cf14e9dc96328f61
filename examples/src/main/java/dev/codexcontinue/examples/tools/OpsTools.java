package dev.codexcontinue.examples.tools;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.core.tool.JsonSchema;
import dev.codexcontinue.core.tool.Tools;
import java.util.List;
import java.util.Map;

/**
 * The on-call tools: each declares its arguments as a JSON schema, which the agent checks before
 * the policy, the approver or the handler ever see a call.
 */
final class OpsTools {
  private static final Map<String, String> STATUS =
      Map.of(
          "billing", "degraded: p99 latency 2.3 s since 09:12, after deploy 4f2a",
          "search", "healthy: p99 latency 180 ms");

  private OpsTools() {}

  static List<Tool> all() {
    return List.of(status(), restart());
  }

  /** Only reads: the policy allows it. */
  static Tool status() {
    return Tools.builder("service_status")
        .description("Returns the health and latency of a service.")
        .parameters(
            JsonSchema.object()
                .property("service", JsonSchema.enumOf("billing", "search"))
                .required("service")
                .additionalProperties(false))
        .handler((args, ctx) -> STATUS.get(args.string("service")))
        .build();
  }

  /** Has a side effect: the tool's own default is to ask, and the policy refines that. */
  static Tool restart() {
    return Tools.builder("restart_service")
        .description("Restarts a service in one environment.")
        .permission(ToolPermission.ASK)
        .parameters(
            JsonSchema.object()
                .property("service", JsonSchema.enumOf("billing", "search"))
                .property("environment", JsonSchema.enumOf("staging", "qa", "production"))
                .required("service", "environment")
                .additionalProperties(false))
        .handler(
            (args, ctx) ->
                "restarted "
                    + args.string("service")
                    + " on "
                    + args.string("environment")
                    + ", requested by "
                    + ctx.userId().orElse("unknown"))
        .build();
  }
}
