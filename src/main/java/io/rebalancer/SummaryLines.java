package io.rebalancer;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.core.SourceTally;
import io.rebalancer.io.Publisher;
import io.rebalancer.io.Table;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The summary a published run prints, whoever published it: the launchers at the end of an
 * attached run, runners/publish.sh for a detached one.
 */
final class SummaryLines {
  private final PrintStream out;

  SummaryLines(PrintStream out) {
    this.out = out;
  }

  void print(PipelineConfig config, Publisher.Published p, String runner,
      Duration elapsed) {
    out.printf("%s: run %s for %s on %s%n", config.name(), p.run().runId(), p.run().runDate(),
        runner);
    for (var source : config.sources()) {
      SourceTally t = p.tallies().get(source.id());
      out.printf("  source %-14s %6d rows read: %6d holdings, %4d other lines, %4d rejected"
          + " (%d file%s)%n", source.id(), t.rowsRead(), t.holdings(), t.recognised(),
          t.rejected(), t.files(), t.files() == 1 ? "" : "s");
      reportFiles(source.id(), p.inputs());
    }
    reportPriceBreaks(config, p.inputs());
    Publisher.StagedSummary s = p.summary();
    out.printf("  %d accounts in %d households: %d rebalanced, %d within tolerance%n",
        s.accounts(), s.households(), s.rebalanced(), s.withinTolerance());
    out.printf("  %d orders (%d sells for %s, %d buys for %s), %d unplaced trades%n", s.orders(),
        s.sells(), money(s.sellAmount()), s.buys(), money(s.buyAmount()), s.unplaced());
    realizedGains(s);
    out.printf("  wrote %s%n", p.ordersFile());
    out.printf("  wrote %s%n", p.reportFile());
    if (p.rejectedFile() != null) {
      out.printf("  wrote %s (%d rejected rows)%n", p.rejectedFile(), p.run().recordsRejected());
    }
    out.printf("  loaded %s (%d data-quality checks passed)%n", p.warehouse(), p.run().checks());
    out.printf("  done in %.1f s%n", elapsed.toMillis() / 1000.0);
  }

  /**
   * The sells' estimated taxable gains, only when some sell took a lot of known basis: a run
   * without lots prints as it did before lots existed.
   */
  void realizedGains(Publisher.StagedSummary s) {
    if (s.knownBasisLots() == 0) {
      return;
    }
    out.printf("  estimated realised gains in taxable accounts: %s short-term, %s long-term, %s"
        + " of unknown term (%d lot%s of known basis sold, %d taxable lot%s at risk of a wash"
        + " sale; table realized_gains)%n", money(s.shortTermGain()), money(s.longTermGain()),
        money(s.unknownTermGain()), s.knownBasisLots(), s.knownBasisLots() == 1 ? "" : "s",
        s.washSaleLots(), s.washSaleLots() == 1 ? "" : "s");
  }

  /** How many of a source's files the summary names; source_files has them all. */
  private static final int LISTED_FILES = 3;

  /** Each file's stated date and reconciled totals: what the run trusted, at a glance. */
  private void reportFiles(String sourceId, Publisher.InputFacts inputs) {
    List<Table<?>.Staged> files = inputs.files().stream()
        .filter(f -> f.get("source_id").equals(sourceId)).toList();
    for (Table<?>.Staged f : files.subList(0, Math.min(LISTED_FILES, files.size()))) {
      String uri = f.get("source_uri");
      String date = !Boolean.parseBoolean(f.get("as_of_stated")) ? "states no date"
          : "as of " + f.get("as_of_date")
              + (f.get("as_of_time") == null ? "" : " " + f.get("as_of_time"));
      long totals = inputs.reconciledByFile().getOrDefault(uri, 0L);
      out.printf("    %s: %s%s%n", Path.of(uri).getFileName(), date, totals == 0 ? ""
          : ", " + totals + " stated total" + (totals == 1 ? "" : "s") + " reconciled");
    }
    if (files.size() > LISTED_FILES) {
      out.printf("    and %d more files (table source_files)%n", files.size() - LISTED_FILES);
    }
  }

  private void reportPriceBreaks(PipelineConfig config, Publisher.InputFacts inputs) {
    String tolerance = config.validation().priceBreakTolerance().movePointRight(2)
        .stripTrailingZeros().toPlainString();
    if (inputs.priceBreaks() == 0) {
      out.printf("  no price breaks (no export price more than %s%% from its latest close)%n",
          tolerance);
      return;
    }
    out.printf("  %d price break%s (an export price more than %s%% from its latest close; table"
        + " price_breaks):%n", inputs.priceBreaks(), inputs.priceBreaks() == 1 ? "" : "s",
        tolerance);
    for (Table<?>.Staged b : inputs.firstPriceBreaks()) {
      out.printf("    %s in %s %s (%s line %s): %s, close %s on %s, %.1f%% away%n",
          b.get("symbol"), b.get("brokerage_id"), b.get("account_id"),
          Path.of(b.get("source_uri")).getFileName(), b.get("line_number"),
          plain(b.get("export_price")), plain(b.get("close")), b.get("close_date"),
          100 * Double.parseDouble(b.get("relative_difference")));
    }
    if (inputs.priceBreaks() > inputs.firstPriceBreaks().size()) {
      out.printf("    and %d more%n", inputs.priceBreaks() - inputs.firstPriceBreaks().size());
    }
  }

  private static String plain(String decimal) {
    return new java.math.BigDecimal(decimal).stripTrailingZeros().toPlainString();
  }

  private static String money(String amount) {
    return new java.math.BigDecimal(amount).setScale(2, java.math.RoundingMode.HALF_EVEN)
        .toPlainString();
  }
}
