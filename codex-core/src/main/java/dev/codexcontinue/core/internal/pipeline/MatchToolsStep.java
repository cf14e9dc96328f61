package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.core.PipelineStep;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step 3: offers the tools the policy advertises (denied tools are never shown to the model), and
 * when there are more than the retrieval threshold, only the top-k whose descriptions are most
 * similar to the message. Tool description vectors are computed once per agent.
 */
final class MatchToolsStep implements Step {
  private final Map<String, float[]> toolVectors = new ConcurrentHashMap<>();

  @Override
  public PipelineStep kind() {
    return PipelineStep.MATCH_TOOLS;
  }

  @Override
  public String run(TurnContext turn) {
    List<ToolSpec> advertised = turn.runtime.tools().advertisedSpecs();
    int threshold = turn.runtime.options().toolRetrievalThreshold();
    if (advertised.size() <= threshold || turn.request.message().text().isBlank()) {
      turn.toolSpecs = advertised;
      return "tools=" + advertised.size();
    }
    float[] message = VectorMath.messageVector(turn);
    turn.toolSpecs =
        advertised.stream()
            .sorted(
                Comparator.comparingDouble(
                        (ToolSpec spec) -> VectorMath.cosine(message, vectorOf(turn, spec)))
                    .reversed())
            .limit(turn.runtime.options().toolTopK())
            .toList();
    return "tools=" + turn.toolSpecs.size() + " of " + advertised.size();
  }

  private float[] vectorOf(TurnContext turn, ToolSpec spec) {
    return toolVectors.computeIfAbsent(
        spec.name() + '\n' + spec.description(),
        text ->
            turn.runtime
                .embeddings()
                .embed(spec.name().replace('_', ' ') + ": " + spec.description()));
  }
}
