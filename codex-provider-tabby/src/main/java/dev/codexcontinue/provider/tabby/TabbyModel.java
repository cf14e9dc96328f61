package dev.codexcontinue.provider.tabby;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A model a Tabby server uses, as its health endpoint describes it: one it runs itself ({@link
 * Location#LOCAL}: model id, device, CUDA devices) or one it calls ({@link Location#REMOTE}: kind
 * such as {@code openai/chat}, model name, API endpoint). Immutable.
 */
public final class TabbyModel {
  /** Where the model runs. */
  public enum Location {
    /** In the Tabby server's process. */
    LOCAL,
    /** Behind an HTTP API the server calls. */
    REMOTE
  }

  private final Location location;
  @Nullable private final String name;
  @Nullable private final String device;
  private final List<String> cudaDevices;
  @Nullable private final String kind;
  @Nullable private final String apiEndpoint;

  TabbyModel(
      Location location,
      @Nullable String name,
      @Nullable String device,
      List<String> cudaDevices,
      @Nullable String kind,
      @Nullable String apiEndpoint) {
    this.location = Objects.requireNonNull(location, "location == null");
    this.name = blankToNull(name);
    this.device = blankToNull(device);
    this.cudaDevices = List.copyOf(cudaDevices);
    this.kind = blankToNull(kind);
    this.apiEndpoint = blankToNull(apiEndpoint);
  }

  /** Returns where the model runs. */
  public Location location() {
    return location;
  }

  /** Returns the model id (local) or model name (remote). */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** Returns the device a local model runs on ({@code cpu}, {@code cuda}, {@code metal}...). */
  public Optional<String> device() {
    return Optional.ofNullable(device);
  }

  /** Returns the CUDA devices a local model uses; empty when none. */
  public List<String> cudaDevices() {
    return cudaDevices;
  }

  /** Returns the kind of a remote model's API, for example {@code openai/chat}. */
  public Optional<String> kind() {
    return Optional.ofNullable(kind);
  }

  /** Returns the API endpoint of a remote model. */
  public Optional<String> apiEndpoint() {
    return Optional.ofNullable(apiEndpoint);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TabbyModel m
        && m.location == location
        && Objects.equals(m.name, name)
        && Objects.equals(m.device, device)
        && m.cudaDevices.equals(cudaDevices)
        && Objects.equals(m.kind, kind)
        && Objects.equals(m.apiEndpoint, apiEndpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(location, name, device, cudaDevices, kind, apiEndpoint);
  }

  @Override
  public String toString() {
    return location == Location.LOCAL
        ? "TabbyModel[local " + name + " on " + device + "]"
        : "TabbyModel[remote " + kind + " " + name + " at " + apiEndpoint + "]";
  }

  @Nullable
  private static String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
