package io.rebalancer.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import io.rebalancer.core.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * A run's logging: the pipeline's own loggers ({@code io.rebalancer.*}) at --logLevel, the
 * console (see {@link ConsoleFilter}) and, once the run has its id, a log file in the output
 * folder: the same lines, with time, thread and logger, the library lines the console leaves out
 * (Flink's warnings, a failed job's stack traces) and the run's failure with its stack trace.
 * Libraries log at WARN: Beam's file writers say a line at INFO per bundle and table. The file
 * is written for failed runs too; it is not one of the published outputs.
 *
 * <p>Inside a Flink cluster's JVM (the bundled jar run by `flink run` or the REST API) SLF4J is
 * Flink's log4j, not this Logback: then the run leaves logging as Flink configured it. So does a
 * -Dlogback.configurationFile of the user's.
 */
public final class RunLog implements AutoCloseable {
  /** The pipeline's own loggers. */
  public static final String OWN = "io.rebalancer";
  /** Lines for the log file alone: the run's start and its failure with the stack trace. */
  static final String FILE_ONLY = "io.rebalancer.run";
  static final String CONFIG_FILE_PROPERTY = "logback.configurationFile";
  public static final List<String> LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");
  private static final String CONSOLE_OUT = "console-out";
  private static final String CONSOLE_ERR = "console-err";
  private static final String FILE = "run-file";

  private final LoggerContext context;
  private final Level previous;
  private FileAppender<ILoggingEvent> file;
  private Path path;

  private RunLog(LoggerContext context, Level previous) {
    this.context = context;
    this.previous = previous;
  }

  /** --logLevel's value, or one line naming the option and the levels. */
  public static Level level(String value) {
    String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(name)) {
      throw new InputException("--logLevel: '" + value + "' is not a level (one of "
          + String.join(", ", LEVELS) + ")");
    }
    return Level.toLevel(name);
  }

  /** Sets the pipeline's loggers to level (see {@link #level}) until closed; no file yet. */
  public static RunLog start(String level) {
    Level l = level(level);
    LoggerContext c = ours();
    if (c == null) {
      return new RunLog(null, null);
    }
    Level previous = c.getLogger(OWN).getLevel();
    c.getLogger(OWN).setLevel(l);
    return new RunLog(c, previous);
  }

  /** outputDir/logs/RUN_ID.log */
  public static Path fileFor(Path outputDir, String runId) {
    return outputDir.resolve("logs").resolve(runId + ".log");
  }

  /**
   * From now on every line also goes to the file at path (appended to, should a run id repeat).
   * A folder that cannot hold it fails the run on its own, with its own error line: here the run
   * just goes on without a file.
   *
   * @return the file, or null when there is none
   */
  public Path writeTo(Path target) {
    if (context == null || file != null) {
      return path;
    }
    try {
      Files.createDirectories(target.getParent());
    } catch (IOException | RuntimeException e) {
      return null;
    }
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName(FILE);
    appender.setFile(target.toString());
    appender.setEncoder(encoder("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36}:"
        + " %msg%n"));
    appender.start();
    if (!appender.isStarted()) {
      return null;
    }
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    file = appender;
    path = target;
    return path;
  }

  /** The run's start, in the file alone: what it was asked to do. */
  public void started(String what) {
    LoggerFactory.getLogger(FILE_ONLY).info(what);
  }

  /** The run's failure with its stack trace, in the file alone (opened now if it was not). */
  public void failed(Path target, String line, Throwable e) {
    writeTo(target);
    LoggerFactory.getLogger(FILE_ONLY).error("run failed: " + line, e);
  }

  /** Closes the file and sets the pipeline's loggers back (a JVM may run several runs). */
  @Override
  public void close() {
    if (context == null) {
      return;
    }
    context.getLogger(OWN).setLevel(previous);
    if (file != null) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(file);
      file.stop();
      file = null;
    }
  }

  /** The Logback context, when SLF4J is bound to it and no configuration file of the user's rules. */
  private static LoggerContext ours() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    // by name first: in a Flink JVM this class may load where Logback is not the binding
    if (!factory.getClass().getName().equals("ch.qos.logback.classic.LoggerContext")
        || System.getProperty(CONFIG_FILE_PROPERTY) != null) {
      return null;
    }
    return (LoggerContext) factory;
  }

  /** Libraries at WARN, ours at INFO, the console's two streams. */
  static void configureConsole(LoggerContext context) {
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    context.getLogger(OWN).setLevel(Level.INFO);
    root.addAppender(console(context, CONSOLE_OUT, "System.out", "%msg%n"));
    root.addAppender(console(context, CONSOLE_ERR, "System.err",
        "%level %logger{0}: %msg%n%nopex"));
  }

  private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String name,
      String target, String pattern) {
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName(name);
    appender.setTarget(target);
    appender.setEncoder(encoder(context, pattern));
    ConsoleFilter filter = new ConsoleFilter(target.equals("System.err"));
    filter.start();
    appender.addFilter(filter);
    appender.start();
    return appender;
  }

  private PatternLayoutEncoder encoder(String pattern) {
    return encoder(context, pattern);
  }

  private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    return encoder;
  }
}
