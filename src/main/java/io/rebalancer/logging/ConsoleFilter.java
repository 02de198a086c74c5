package io.rebalancer.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * What of a log line reaches the console, and which stream: the pipeline's own lines below WARN
 * (progress) go to stdout, warnings and errors to stderr. Libraries (Beam, Flink, DuckDB) reach
 * the console from WARN on only, Flink from ERROR on; their INFO lines go to the run's log file.
 * Flink's BatchTask and Beam's FlinkRunner never reach it: they print a failed job as stack
 * traces, where the run prints one line naming what failed (the traces are in the log file).
 */
final class ConsoleFilter extends Filter<ILoggingEvent> {
  private final boolean errorStream;

  /** @param errorStream the filter of stderr (WARN and above) rather than of stdout */
  ConsoleFilter(boolean errorStream) {
    this.errorStream = errorStream;
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    boolean warning = event.getLevel().isGreaterOrEqual(Level.WARN);
    if (warning != errorStream) {
      return FilterReply.DENY;
    }
    return shown(event.getLoggerName(), event.getLevel()) ? FilterReply.NEUTRAL : FilterReply.DENY;
  }

  static boolean shown(String logger, Level level) {
    if (logger.equals(RunLog.FILE_ONLY)) {
      return false;
    }
    if (logger.equals(RunLog.OWN) || logger.startsWith(RunLog.OWN + ".")) {
      return true; // their logger's level (--logLevel) decided
    }
    if (logger.equals("org.apache.flink.runtime.operators.BatchTask")
        || logger.equals("org.apache.beam.runners.flink.FlinkRunner")) {
      return false;
    }
    if (logger.startsWith("org.apache.flink.") || logger.startsWith("org.apache.beam.runners.flink.")) {
      return level.isGreaterOrEqual(Level.ERROR);
    }
    return level.isGreaterOrEqual(Level.WARN);
  }
}
