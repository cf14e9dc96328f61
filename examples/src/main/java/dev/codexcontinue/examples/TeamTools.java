package dev.codexcontinue.examples;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.core.tool.JsonSchema;
import dev.codexcontinue.core.tool.ToolMethod;
import dev.codexcontinue.core.tool.ToolParam;
import dev.codexcontinue.core.tool.Tools;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two tools of the quickstart, declared the two ways the SDK offers: a lambda with a schema
 * builder, and an annotated method whose parameters become the schema.
 */
public final class TeamTools {
  private static final Map<String, String> FACTS =
      Map.of(
          "on-call", "This week's on-call engineer is Grace (pager: #ops-grace).",
          "ci", "CI runs ./mvnw -B verify on every push; it must stay under 15 minutes.");

  private final Clock clock;

  /** Creates the tools; dates are computed from {@code clock}. */
  public TeamTools(Clock clock) {
    this.clock = clock;
  }

  /** Returns both tools. */
  public List<Tool> all() {
    List<Tool> tools = new java.util.ArrayList<>();
    tools.add(daysUntil());
    tools.addAll(Tools.fromAnnotated(this));
    return tools;
  }

  /** A lambda tool: days from today to an ISO date. */
  Tool daysUntil() {
    return Tools.builder("days_until")
        .description("Counts the days from today to a date given as YYYY-MM-DD.")
        .parameters(
            JsonSchema.object()
                .property("date", JsonSchema.string().description("the target date, YYYY-MM-DD"))
                .required("date"))
        .permission(ToolPermission.ALLOW)
        .handler(
            (args, ctx) -> {
              LocalDate target = LocalDate.parse(args.string("date"));
              long days = ChronoUnit.DAYS.between(LocalDate.now(clock), target);
              return days + " days from " + LocalDate.now(clock) + " to " + target;
            })
        .build();
  }

  /** An annotated tool: a fact about the team. */
  @ToolMethod(name = "team_fact", value = "Looks up a fact about the team: on-call or ci.")
  public String teamFact(@ToolParam(name = "topic", value = "on-call or ci") String topic) {
    return FACTS.getOrDefault(topic.toLowerCase(Locale.ROOT), "No fact recorded about " + topic);
  }
}
