package dev.codexcontinue.cli.internal;

import dev.codexcontinue.cli.CliContext;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import javax.annotation.Nullable;
import picocli.CommandLine.Mixin;

/** What every command shares: the run's context, its common options and lazily read settings. */
abstract class BaseCommand implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  final CliContext context;
  @Nullable private CliSettings settings;
  @Nullable private UserInput input;

  BaseCommand(CliContext context) {
    this.context = context;
  }

  final CliSettings settings() {
    CliSettings s = settings;
    if (s == null) {
      s = CliSettings.load(context, common.home, common.asSettings());
      settings = s;
    }
    return s;
  }

  final ProviderResolver resolver() {
    return new ProviderResolver(settings());
  }

  final MemoryHome memoryHome() {
    return new MemoryHome(settings().home());
  }

  final PrintStream out() {
    return context.out();
  }

  final PrintStream err() {
    return context.err();
  }

  /** Returns the run's one user input, opened on first use; {@link Commands} closes it. */
  final UserInput input() {
    UserInput in = input;
    if (in == null) {
      in = UserInput.of(context, memoryHome().historyFile());
      input = in;
    }
    return in;
  }

  /** Closes the user input if it was opened. */
  final void closeInput() {
    UserInput in = input;
    if (in != null) {
      input = null;
      in.close();
    }
  }
}
