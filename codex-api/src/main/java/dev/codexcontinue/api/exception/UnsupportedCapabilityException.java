package dev.codexcontinue.api.exception;

import java.util.Objects;

/**
 * The provider does not offer the capability that was called (for example code completion on a
 * chat-only server). Thrown instead of a silent empty answer.
 */
public class UnsupportedCapabilityException extends CodexException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final String capability;

  /** Creates the exception for {@code provider} lacking {@code capability}. */
  public UnsupportedCapabilityException(String provider, String capability) {
    super(
        "provider '"
            + Objects.requireNonNull(provider, "provider == null")
            + "' does not support "
            + Objects.requireNonNull(capability, "capability == null"));
    this.provider = provider;
    this.capability = capability;
  }

  /** Returns the provider id. */
  public String provider() {
    return provider;
  }

  /** Returns the name of the missing capability, for example {@code CODE_COMPLETION}. */
  public String capability() {
    return capability;
  }
}
