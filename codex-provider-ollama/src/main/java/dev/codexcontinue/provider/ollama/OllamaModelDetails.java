package dev.codexcontinue.provider.ollama;

import dev.codexcontinue.api.internal.JsonValues;
import dev.codexcontinue.provider.ollama.internal.WireValues;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.annotation.Nullable;

/**
 * What {@code /api/show} tells about a model: its context length, capabilities ({@code completion},
 * {@code tools}, {@code insert}, {@code vision}, {@code embedding}, {@code thinking}, ...), family,
 * size and quantization, prompt template, default parameters and the raw {@code model_info}.
 * Immutable.
 */
public final class OllamaModelDetails {
  private final String model;
  private final int contextLength;
  private final List<String> capabilities;
  private final String family;
  private final String parameterSize;
  private final String quantizationLevel;
  private final String template;
  private final String parameters;
  private final Map<String, Object> modelInfo;
  @Nullable private final OffsetDateTime modifiedAt;

  private OllamaModelDetails(String model, Map<?, ?> show) {
    this.model = model;
    Map<?, ?> details = WireValues.map(show, "details");
    Map<?, ?> info = WireValues.map(show, "model_info");
    this.contextLength = contextLength(info);
    this.capabilities = WireValues.strings(show, "capabilities");
    this.family = WireValues.text(details, "family");
    this.parameterSize = WireValues.text(details, "parameter_size");
    this.quantizationLevel = WireValues.text(details, "quantization_level");
    this.template = WireValues.text(show, "template");
    this.parameters = WireValues.text(show, "parameters");
    @SuppressWarnings("unchecked") // copyOf checks that every key is a string
    Map<String, ?> infoByKey = (Map<String, ?>) info;
    this.modelInfo = JsonValues.copyOf(infoByKey, "model_info");
    this.modifiedAt = WireValues.timestamp(show, "modified_at").orElse(null);
  }

  /**
   * Returns the details of {@code model} read from a {@code /api/show} response, given as plain
   * values (maps, lists, strings, numbers, booleans). Missing fields read as empty.
   */
  public static OllamaModelDetails of(String model, Map<String, ?> showResponse) {
    Objects.requireNonNull(model, "model == null");
    Objects.requireNonNull(showResponse, "showResponse == null");
    return new OllamaModelDetails(model, showResponse);
  }

  /**
   * Reads the context length from {@code model_info}: {@code <architecture>.context_length}, or any
   * {@code *.context_length} key when the architecture is not named.
   */
  private static int contextLength(Map<?, ?> info) {
    String arch = WireValues.text(info, "general.architecture");
    long n = WireValues.number(info, arch + ".context_length", -1);
    if (n <= 0) {
      for (Map.Entry<?, ?> e : info.entrySet()) {
        if (e.getKey().toString().endsWith(".context_length") && e.getValue() instanceof Number v) {
          n = v.longValue();
          break;
        }
      }
    }
    return n <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, n);
  }

  /** Returns the model name asked about. */
  public String model() {
    return model;
  }

  /** Returns the context length the model was trained for, in tokens, when the server says. */
  public OptionalInt contextLength() {
    return contextLength > 0 ? OptionalInt.of(contextLength) : OptionalInt.empty();
  }

  /** Returns the model's capabilities as the server names them; empty on old servers. */
  public List<String> capabilities() {
    return capabilities;
  }

  /** Returns whether the server lists {@code capability} (for example {@code tools}). */
  public boolean hasCapability(String capability) {
    return capabilities.contains(capability);
  }

  /** Returns the model family, such as {@code llama}; empty when unknown. */
  public String family() {
    return family;
  }

  /** Returns the parameter count as the server writes it, such as {@code 8.0B}. */
  public String parameterSize() {
    return parameterSize;
  }

  /** Returns the quantization, such as {@code Q4_0}. */
  public String quantizationLevel() {
    return quantizationLevel;
  }

  /** Returns the prompt template (Go template syntax). */
  public String template() {
    return template;
  }

  /** Returns the model's default parameters, one {@code name value} per line. */
  public String parameters() {
    return parameters;
  }

  /**
   * Returns {@code model_info}, the flat architecture-specific map with dotted keys (tokenizer
   * arrays are empty unless the details were asked for verbosely).
   */
  public Map<String, Object> modelInfo() {
    return modelInfo;
  }

  /** Returns when the model was last modified on the server. */
  public Optional<OffsetDateTime> modifiedAt() {
    return Optional.ofNullable(modifiedAt);
  }

  @Override
  public String toString() {
    return "OllamaModelDetails["
        + model
        + ", contextLength="
        + contextLength
        + ", capabilities="
        + capabilities
        + "]";
  }
}
