package dev.codexcontinue.provider.tabby;

import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * What a Tabby server says about itself at {@code GET /v1/health}: its completion, chat and
 * embedding models, the machine it runs on, and its version. Servers since about v0.18 describe
 * each model under {@code models} (local or remote); older ones name only {@code model} and {@code
 * chat_model}, which are read as local models on {@code device} and {@code chat_device}. Immutable.
 */
public final class TabbyServerInfo {
  /**
   * The server's build.
   *
   * @param buildDate the build date, such as {@code 2025-06-30}
   * @param buildTimestamp the build time, RFC 3339
   * @param gitSha the commit the server was built from
   * @param gitDescribe the version, such as {@code v0.33.0}
   */
  public record Version(
      String buildDate, String buildTimestamp, String gitSha, String gitDescribe) {
    /** Checks the components. */
    public Version {
      java.util.Objects.requireNonNull(buildDate, "buildDate == null");
      java.util.Objects.requireNonNull(buildTimestamp, "buildTimestamp == null");
      java.util.Objects.requireNonNull(gitSha, "gitSha == null");
      java.util.Objects.requireNonNull(gitDescribe, "gitDescribe == null");
    }
  }

  @Nullable private final TabbyModel completionModel;
  @Nullable private final TabbyModel chatModel;
  @Nullable private final TabbyModel embeddingModel;
  private final String device;
  private final String arch;
  private final String cpuInfo;
  private final int cpuCount;
  private final List<String> cudaDevices;
  @Nullable private final Version version;
  @Nullable private final Boolean webserver;

  TabbyServerInfo(
      @Nullable TabbyModel completionModel,
      @Nullable TabbyModel chatModel,
      @Nullable TabbyModel embeddingModel,
      String device,
      String arch,
      String cpuInfo,
      int cpuCount,
      List<String> cudaDevices,
      @Nullable Version version,
      @Nullable Boolean webserver) {
    this.completionModel = completionModel;
    this.chatModel = chatModel;
    this.embeddingModel = embeddingModel;
    this.device = device;
    this.arch = arch;
    this.cpuInfo = cpuInfo;
    this.cpuCount = cpuCount;
    this.cudaDevices = List.copyOf(cudaDevices);
    this.version = version;
    this.webserver = webserver;
  }

  /** Returns the code completion model; empty when the server runs without one. */
  public Optional<TabbyModel> completionModel() {
    return Optional.ofNullable(completionModel);
  }

  /** Returns the chat model; empty when the server runs without one (chat then answers 405). */
  public Optional<TabbyModel> chatModel() {
    return Optional.ofNullable(chatModel);
  }

  /** Returns the embedding model (current servers only). */
  public Optional<TabbyModel> embeddingModel() {
    return Optional.ofNullable(embeddingModel);
  }

  /** Returns whether the server can chat. */
  public boolean hasChat() {
    return chatModel != null;
  }

  /** Returns the server's device ({@code cpu}, {@code cuda}...); empty text when not given. */
  public String device() {
    return device;
  }

  /** Returns the CPU architecture, such as {@code x86_64}; empty text when not given. */
  public String arch() {
    return arch;
  }

  /** Returns the CPU's name; empty text when not given. */
  public String cpuInfo() {
    return cpuInfo;
  }

  /** Returns the number of CPUs; 0 when not given. */
  public int cpuCount() {
    return cpuCount;
  }

  /** Returns the server's CUDA devices; empty when none. */
  public List<String> cudaDevices() {
    return cudaDevices;
  }

  /** Returns the server's build. */
  public Optional<Version> version() {
    return Optional.ofNullable(version);
  }

  /** Returns whether the server runs its web server and admin layer (auth tokens then apply). */
  public Optional<Boolean> webserver() {
    return Optional.ofNullable(webserver);
  }

  @Override
  public String toString() {
    return "TabbyServerInfo[version="
        + (version == null ? "?" : version.gitDescribe())
        + ", completion="
        + completionModel
        + ", chat="
        + chatModel
        + ", device="
        + device
        + "]";
  }
}
