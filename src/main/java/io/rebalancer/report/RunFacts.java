package io.rebalancer.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** What the report says of the run and its inputs, as the warehouse holds them. */
public final class RunFacts {
  private RunFacts() {}

  /** The run's pipeline_runs row. */
  public record Run(String runId, LocalDate runDate, LocalDateTime startedAt,
      LocalDateTime finishedAt, String runner, String status, long recordsRead,
      long recordsRejected, long accounts, long households, long orders, long unplaced,
      String config, int checks) {}

  /** A source's source_counts row, with its files. */
  public record Source(String sourceId, long files, long rowsRead, long holdings,
      long recognised, long rejected, List<SourceFile> fileList) {
    public Source {
      fileList = List.copyOf(fileList);
    }
  }

  /** A source_files row: the date the export states, if any. */
  public record SourceFile(String sourceId, String uri, boolean asOfStated, LocalDate asOfDate,
      LocalTime asOfTime, String asOfText, long rowsRead, long statedTotals,
      long totalsWithinTolerance) {}

  /** A source_reconciliation row: a total the export states against the holdings read. */
  public record StatedTotal(String sourceId, String uri, long lineNumber, String accountId,
      String label, boolean includesCash, BigDecimal stated, BigDecimal parsed,
      BigDecimal difference, boolean withinTolerance) {}

  /** A price_breaks row: an export price far from the symbol's latest close. */
  public record PriceBreak(String sourceId, String uri, long lineNumber, String brokerageId,
      String accountId, String symbol, BigDecimal exportPrice, BigDecimal close,
      LocalDate closeDate, double relativeDifference) {}

  /** A rejected_records row, with the line as the file had it. */
  public record RejectedLine(String sourceId, String uri, Long lineNumber, String reason,
      String rawLine) {}

  /** The first rows of a table, and how many it has in all. */
  public record Listed<T>(List<T> rows, long total) {
    public Listed {
      rows = List.copyOf(rows);
    }

    public long more() {
      return total - rows.size();
    }
  }
}
