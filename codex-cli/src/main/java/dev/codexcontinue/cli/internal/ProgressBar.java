package dev.codexcontinue.cli.internal;

import java.io.PrintStream;

/** A one-line progress bar redrawn in place on standard error: {@code [#####-----] 5/10 files}. */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintStream err;
  private final int total;
  private final boolean enabled;
  private int done;
  private int drawnPercent = -1;

  ProgressBar(PrintStream err, int total, boolean enabled) {
    this.err = err;
    this.total = Math.max(total, 0);
    this.enabled = enabled;
  }

  /** Counts one more file and redraws. */
  synchronized void step() {
    done++;
    int percent = total == 0 ? 100 : (int) (100L * Math.min(done, total) / total);
    // Redraw only when the percentage moves: at most about a hundred writes however many files.
    if (percent != drawnPercent) {
      drawnPercent = percent;
      draw();
    }
  }

  /** Draws the final state and ends the line. */
  synchronized void finish() {
    if (enabled) {
      draw();
      err.println();
      err.flush();
    }
  }

  private void draw() {
    if (!enabled) {
      return;
    }
    int shown = Math.min(done, Math.max(total, done));
    int max = Math.max(total, shown);
    int filled = max == 0 ? WIDTH : (int) ((long) WIDTH * shown / max);
    err.print(
        "\r["
            + "#".repeat(filled)
            + "-".repeat(WIDTH - filled)
            + "] "
            + shown
            + "/"
            + max
            + " files");
    err.flush();
  }
}
