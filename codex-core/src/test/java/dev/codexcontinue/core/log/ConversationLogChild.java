package dev.codexcontinue.core.log;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The appender the kill-loop test runs in a child JVM: opens the log (durability ALWAYS), prints
 * {@code opened N} once warm, then appends batches of one to three records forever, printing {@code
 * acked N} after each append returns. Record N carries the text {@code m<N>}, so the parent can
 * check every record it finds against its sequence number.
 */
public final class ConversationLogChild {
  private ConversationLogChild() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (ConversationLog log = ConversationLog.builder(Path.of(args[0]), "killed").open()) {
      // Load and warm the JSON code first, so that kills land among appends, not in class loading.
      dev.codexcontinue.core.log.internal.LogPayloads.write(LogRecords.start("warm-up"));
      out.println("opened " + log.lastSeq());
      long next = log.lastSeq() + 1;
      for (int batch = 0; ; batch++) {
        List<LogRecord> records = new ArrayList<>();
        for (int i = 0; i <= batch % 3; i++) {
          records.add(LogRecords.start("m" + next++));
        }
        out.println("acked " + log.append(records));
      }
    }
  }
}
