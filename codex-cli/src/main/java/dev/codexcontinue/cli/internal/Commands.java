package dev.codexcontinue.cli.internal;

import dev.codexcontinue.cli.CliContext;
import dev.codexcontinue.cli.ExitCode;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code codexctl}: parses the arguments, runs the command, maps failures to exit codes. */
public final class Commands {
  private Commands() {}

  /** Runs the command line {@code args} on {@code context}; returns the exit code. */
  public static int execute(CliContext context, String[] args) {
    Factory factory = new Factory(context);
    CommandLine cl = new CommandLine(new RootCommand(), factory);
    cl.setOut(
        new PrintWriter(
            new java.io.OutputStreamWriter(context.out(), StandardCharsets.UTF_8), true));
    cl.setErr(
        new PrintWriter(
            new java.io.OutputStreamWriter(context.err(), StandardCharsets.UTF_8), true));
    cl.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> {
          PrintWriter err = commandLine.getErr();
          err.println("codexctl: " + describe(e));
          err.flush();
          return exitCode(e);
        });
    try {
      return cl.execute(args);
    } finally {
      factory.created.forEach(BaseCommand::closeInput);
      context.out().flush();
      context.err().flush();
    }
  }

  static int exitCode(Throwable e) {
    if (e instanceof NoProviderException) {
      return ExitCode.NO_PROVIDER;
    }
    if (e instanceof UserDeniedException) {
      return ExitCode.DENIED;
    }
    return ExitCode.ERROR;
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message;
  }

  /** Creates commands with the run's context. */
  private static final class Factory implements CommandLine.IFactory {
    private final CliContext context;
    final List<BaseCommand> created = new ArrayList<>();

    Factory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (BaseCommand.class.isAssignableFrom(type)) {
        try {
          Constructor<K> c = type.getDeclaredConstructor(CliContext.class);
          c.setAccessible(true);
          K command = c.newInstance(context);
          created.add((BaseCommand) command);
          return command;
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
