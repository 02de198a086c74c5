package io.rebalancer.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a URL source is fetched (`retries`, `retryDelay`, `timeout` of a source): attempts a fixed
 * delay apart, as the scheduler this pipeline replaced retried its tasks, each attempt bounded so
 * that a server that never answers fails the run in bounded time. Times in milliseconds, so the
 * record travels with its {@link SourceConfig} through the pipeline's record coder.
 *
 * @param retries attempts after the first: a source fetched with 2 retries is asked 3 times
 * @param retryDelayMillis the wait between two attempts
 * @param timeoutMillis how long one attempt may wait: to connect, for the answer's headers, and
 *     at any pause in the file's bytes (a slow file that keeps coming is not cut off)
 */
public record FetchPolicy(int retries, long retryDelayMillis, long timeoutMillis)
    implements Serializable {
  /**
   * 2 retries as the old DAG had, but 2 s apart, not its 5 minutes: one flaky answer should not
   * hold the daily run up for ten minutes; a source whose server needs longer says so itself.
   */
  public static final FetchPolicy DEFAULT = new FetchPolicy(2, 2_000, 30_000);

  public FetchPolicy {
    if (retries < 0 || retryDelayMillis < 0 || timeoutMillis <= 0) {
      throw new IllegalArgumentException("retries and retryDelay must be at least 0 and timeout"
          + " more than 0: " + retries + ", " + retryDelayMillis + "ms, " + timeoutMillis + "ms");
    }
  }

  public int attempts() {
    return retries + 1;
  }

  public Duration retryDelay() {
    return Duration.ofMillis(retryDelayMillis);
  }

  public Duration timeout() {
    return Duration.ofMillis(timeoutMillis);
  }
}
