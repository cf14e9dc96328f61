package dev.codexcontinue.server.internal;

/** The server's version, from its jar manifest. */
final class Versions {
  private Versions() {}

  static String current() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
