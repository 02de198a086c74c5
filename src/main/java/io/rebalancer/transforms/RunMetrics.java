package io.rebalancer.transforms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The run's Beam counters, namespace {@value #NAMESPACE}: incremented by the DoFns that make what
 * they count, so a runner shows them while the job runs (Flink's web UI lists them per operator,
 * and as the job's accumulators), and the launcher prints their totals in its summary.
 */
public final class RunMetrics {
  public static final String NAMESPACE = "rebalancer";
  /** Rows of the export files, whatever their verdict. */
  static final Counter ROWS_READ = Metrics.counter(NAMESPACE, "rows_read");
  /** Rows turned down, by their layout or for an account accounts.csv does not list. */
  static final Counter ROWS_REJECTED = Metrics.counter(NAMESPACE, "rows_rejected");
  /** Holdings that reached their account. */
  static final Counter HOLDINGS = Metrics.counter(NAMESPACE, "holdings");
  /** Accounts analysed. */
  static final Counter ACCOUNTS = Metrics.counter(NAMESPACE, "accounts");
  /** Households rebalanced (or found within their bands). */
  static final Counter HOUSEHOLDS = Metrics.counter(NAMESPACE, "households");
  static final Counter ORDERS = Metrics.counter(NAMESPACE, "orders");
  static final Counter UNPLACED_TRADES = Metrics.counter(NAMESPACE, "unplaced_trades");
  /** The counters' names, in the order the summary prints them. */
  public static final List<String> NAMES = List.of("rows_read", "rows_rejected", "holdings",
      "accounts", "households", "orders", "unplaced_trades");

  private RunMetrics() {}

  /**
   * Each counter's total in a finished job (0 for one never incremented), or null when the
   * runner cannot tell (a runner without metrics, or a Flink job whose accumulators cannot be
   * fetched: its web UI has them). Attempted values: Flink has
   * no committed ones, and a batch job that succeeded counted each element once.
   */
  public static Map<String, Long> of(PipelineResult result) {
    Map<String, Long> totals = new LinkedHashMap<>();
    NAMES.forEach(n -> totals.put(n, 0L));
    try {
      MetricQueryResults results = result.metrics().queryMetrics(MetricsFilter.builder()
          .addNameFilter(MetricNameFilter.inNamespace(NAMESPACE)).build());
      for (MetricResult<Long> c : results.getCounters()) {
        // one result per step that counts it (rows_rejected has two)
        totals.merge(c.getName().getName(), c.getAttempted(), Long::sum);
      }
    } catch (RuntimeException e) {
      return null; // a figure the runner cannot give must not fail a run that succeeded
    }
    return totals;
  }

  /** "metrics: rows_read 69, rows_rejected 0, ..." for the run's summary. */
  public static String line(Map<String, Long> totals) {
    if (totals == null) {
      return "metrics: not reported by this runner (see its web UI)";
    }
    StringBuilder line = new StringBuilder("metrics:");
    totals.forEach((name, value) -> line.append(line.length() > 8 ? ", " : " ").append(name)
        .append(' ').append(value));
    return line.toString();
  }
}
