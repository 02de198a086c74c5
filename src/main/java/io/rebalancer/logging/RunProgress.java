package io.rebalancer.logging;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's progress lines: what finished, with the time since the run started. Logged at INFO
 * (so on stdout and in the run's log file; on a cluster's workers, in the TaskManager's log).
 * Serializable: the pipeline's stages carry it to the workers that log their stage's line.
 */
public record RunProgress(long startedAtMillis) implements Serializable {
  /** The logger of progress lines: --logLevel=WARN turns them off. */
  public static final String LOGGER = RunLog.OWN + ".progress";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  public static RunProgress since(Instant started) {
    return new RunProgress(started.toEpochMilli());
  }

  /** Logs what finished, e.g. "6 accounts analysed". */
  public void log(String what) {
    if (LOG.isInfoEnabled()) {
      LOG.info(line(what, System.currentTimeMillis()));
    }
  }

  /** "[   2.4 s] 6 accounts analysed" */
  public String line(String what, long nowMillis) {
    return String.format(Locale.ROOT, "[%6.1f s] %s", (nowMillis - startedAtMillis) / 1000.0,
        what);
  }
}
