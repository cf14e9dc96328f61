package dev.codexcontinue.plugins.shell;

/** The sandbox a shell tool actually runs its commands in. */
public enum Sandbox {
  /** No operating-system sandbox. */
  NONE,
  /**
   * Bubblewrap on Linux: no network, the workspace writable and the rest of the file system
   * read-only, a private process namespace, killed with its parent.
   */
  BUBBLEWRAP
}
