package dev.codexcontinue.provider.ollama;

import dev.codexcontinue.provider.ollama.internal.WireValues;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** A model the Ollama server holds in memory, as {@code /api/ps} lists it. Immutable. */
public final class RunningModel {
  private final String name;
  private final long sizeBytes;
  private final long vramBytes;
  private final String digest;
  @Nullable private final OffsetDateTime expiresAt;

  private RunningModel(Map<?, ?> entry) {
    String n = WireValues.text(entry, "name");
    this.name = n.isEmpty() ? WireValues.text(entry, "model") : n;
    this.sizeBytes = Math.max(0, WireValues.number(entry, "size", 0));
    this.vramBytes = Math.max(0, WireValues.number(entry, "size_vram", 0));
    this.digest = WireValues.text(entry, "digest");
    this.expiresAt = WireValues.timestamp(entry, "expires_at").orElse(null);
  }

  /** Returns the model an entry of {@code /api/ps}'s {@code models} describes (plain values). */
  public static RunningModel of(Map<String, ?> entry) {
    return new RunningModel(Objects.requireNonNull(entry, "entry == null"));
  }

  /** Returns the model's name, such as {@code mistral:latest}. */
  public String name() {
    return name;
  }

  /** Returns the memory the loaded model takes, in bytes. */
  public long sizeBytes() {
    return sizeBytes;
  }

  /** Returns the part of it in GPU memory, in bytes. */
  public long vramBytes() {
    return vramBytes;
  }

  /** Returns the model's digest. */
  public String digest() {
    return digest;
  }

  /** Returns when the server will unload the model unless it is used again. */
  public Optional<OffsetDateTime> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  @Override
  public String toString() {
    return "RunningModel[" + name + ", " + sizeBytes + " bytes, vram " + vramBytes + "]";
  }
}
