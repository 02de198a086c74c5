package io.rebalancer.report;

import io.rebalancer.core.RealizedGainTotals;
import io.rebalancer.report.RunFacts.Listed;
import io.rebalancer.report.RunFacts.PriceBreak;
import io.rebalancer.report.RunFacts.RejectedLine;
import io.rebalancer.report.RunFacts.Run;
import io.rebalancer.report.RunFacts.Source;
import io.rebalancer.report.RunFacts.SourceFile;
import io.rebalancer.report.RunFacts.StatedTotal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Time;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The run's own rows: its pipeline_runs row and what it read from each source. */
final class RunQueries {
  private final Connection c;
  private final LocalDate runDate;
  private final String date;

  RunQueries(Connection c, LocalDate runDate) {
    this.c = c;
    this.runDate = runDate;
    this.date = "DATE '" + runDate + "'"; // a LocalDate's ISO text: no quoting to get wrong
  }

  Run run(String runId) throws SQLException {
    List<Run> runs = Sql.list(c, "SELECT * FROM pipeline_runs WHERE run_id = ?", rs -> new Run(
        rs.getString("run_id"), rs.getObject("run_date", LocalDate.class),
        rs.getTimestamp("started_at").toLocalDateTime(),
        rs.getTimestamp("finished_at").toLocalDateTime(), rs.getString("runner"),
        rs.getString("status"), rs.getLong("records_read"), rs.getLong("records_rejected"),
        rs.getLong("accounts"), rs.getLong("households"), rs.getLong("orders"),
        rs.getLong("unplaced"), rs.getString("config"), rs.getInt("checks")), runId);
    if (runs.size() != 1 || !runs.get(0).runDate().equals(runDate)) {
      throw new IllegalStateException("the warehouse has no run " + runId + " for " + runDate);
    }
    return runs.get(0);
  }

  /**
   * What the run's sells realised, as the run summary adds it up: taxable accounts' gains by term
   * (known basis only) and wash-sale risks, and the lots of known basis sold in any account.
   */
  RealizedGainTotals gains() throws SQLException {
    String taxable = " FILTER (WHERE account_type = 'taxable' AND ";
    return Sql.list(c, "SELECT coalesce(sum(gain)" + taxable + "term = 'short'), 0) AS s,"
        + " coalesce(sum(gain)" + taxable + "term = 'long'), 0) AS l,"
        + " coalesce(sum(gain)" + taxable + "term = 'unknown'), 0) AS u,"
        + " count(*)" + taxable + "wash_sale_risk) AS wash, count(cost_basis) AS known"
        + " FROM realized_gains WHERE run_date = " + date,
        rs -> new RealizedGainTotals(Sql.decimal(rs, "s"), Sql.decimal(rs, "l"),
            Sql.decimal(rs, "u"), rs.getLong("wash"), rs.getLong("known"))).get(0);
  }

  /** Each source's counts and its files, by source id. */
  List<Source> sources() throws SQLException {
    Map<String, List<SourceFile>> files = new TreeMap<>();
    Sql.list(c, "SELECT f.*, count(r.line_number) AS stated_totals,"
        + " count(r.line_number) FILTER (WHERE r.within_tolerance) AS within"
        + " FROM source_files f LEFT JOIN source_reconciliation r ON r.run_date = f.run_date"
        + " AND r.source_uri = f.source_uri WHERE f.run_date = " + date
        + " GROUP BY ALL ORDER BY f.source_id, f.source_uri", rs -> {
          Time time = rs.getTime("as_of_time");
          return new SourceFile(rs.getString("source_id"), rs.getString("source_uri"),
              rs.getBoolean("as_of_stated"), rs.getObject("as_of_date", LocalDate.class),
              time == null ? null : time.toLocalTime(), rs.getString("as_of_text"),
              rs.getLong("rows_read"), rs.getLong("stated_totals"), rs.getLong("within"));
        }).forEach(f -> files.computeIfAbsent(f.sourceId(), k -> new ArrayList<>()).add(f));
    return Sql.list(c, "SELECT * FROM source_counts WHERE run_date = " + date
        + " ORDER BY source_id", rs -> new Source(rs.getString("source_id"), rs.getLong("files"),
            rs.getLong("rows_read"), rs.getLong("holdings"), rs.getLong("recognised"),
            rs.getLong("rejected"), files.getOrDefault(rs.getString("source_id"), List.of())));
  }

  Listed<StatedTotal> statedTotals(int limit) throws SQLException {
    String where = " FROM source_reconciliation WHERE run_date = " + date;
    return new Listed<>(Sql.list(c, "SELECT *" + where
        + " ORDER BY source_id, source_uri, line_number LIMIT " + limit, rs -> new StatedTotal(
            rs.getString("source_id"), rs.getString("source_uri"), rs.getLong("line_number"),
            rs.getString("account_id"), rs.getString("label"), rs.getBoolean("includes_cash"),
            Sql.decimal(rs, "stated_total"), Sql.decimal(rs, "parsed_total"),
            Sql.decimal(rs, "difference"), rs.getBoolean("within_tolerance"))),
        Sql.count(c, "SELECT count(*)" + where));
  }

  Listed<PriceBreak> priceBreaks(int limit) throws SQLException {
    String where = " FROM price_breaks WHERE run_date = " + date;
    return new Listed<>(Sql.list(c, "SELECT *" + where
        + " ORDER BY source_id, source_uri, line_number LIMIT " + limit, rs -> new PriceBreak(
            rs.getString("source_id"), rs.getString("source_uri"), rs.getLong("line_number"),
            rs.getString("brokerage_id"), rs.getString("account_id"), rs.getString("symbol"),
            Sql.decimal(rs, "export_price"), Sql.decimal(rs, "close"),
            rs.getObject("close_date", LocalDate.class), rs.getDouble("relative_difference"))),
        Sql.count(c, "SELECT count(*)" + where));
  }

  /** The first rejected rows in file order (source, file, line), and how many there are. */
  Listed<RejectedLine> rejected(int limit) throws SQLException {
    String where = " FROM rejected_records WHERE run_date = " + date;
    return new Listed<>(Sql.list(c, "SELECT *" + where
        + " ORDER BY brokerage_id, source_uri, line_number LIMIT " + limit, rs -> new RejectedLine(
            rs.getString("brokerage_id"), rs.getString("source_uri"),
            Sql.nullableLong(rs, "line_number"), rs.getString("reason"),
            rs.getString("raw_line"))),
        Sql.count(c, "SELECT count(*)" + where));
  }
}
