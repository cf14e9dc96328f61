package dev.codexcontinue.cli.internal;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"codexctl " + (v == null ? "(development build)" : v)};
  }
}
