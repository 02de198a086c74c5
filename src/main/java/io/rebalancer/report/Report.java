package io.rebalancer.report;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.core.RealizedGainTotals;
import io.rebalancer.io.FullDisk;
import io.rebalancer.io.QualityChecks;
import io.rebalancer.report.BookFacts.Household;
import io.rebalancer.report.BookFacts.HouseholdDetail;
import io.rebalancer.report.RunFacts.Listed;
import io.rebalancer.report.RunFacts.PriceBreak;
import io.rebalancer.report.RunFacts.Run;
import io.rebalancer.report.RunFacts.StatedTotal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's HTML report, `report_YYYYMMDD.html`: one self-contained page made from the run's rows
 * in the warehouse (so that it shows what analysts query), written where the caller says (the
 * staging area) and published with the orders. At 100,000 households it stays a few MB: full
 * sections for the worst {@link #DETAILED_HOUSEHOLDS}, an index of every household.
 */
public final class Report {
  /** Households with a full section: the worst, as the book section ranks them. */
  public static final int DETAILED_HOUSEHOLDS = 100;
  static final int WORST_LISTED = 25;
  static final int DRIFTS_LISTED = 20;
  static final int GAINS_LISTED = 20;
  static final int TOTALS_LISTED = 200;
  static final int BREAKS_LISTED = 200;
  static final int REJECTED_LISTED = 1000;

  private Report() {}

  public static String fileName(LocalDate runDate) {
    return "report_" + runDate.format(DateTimeFormatter.BASIC_ISO_DATE) + ".html";
  }

  /** Writes the report of run runId (of runDate) from the warehouse behind c into file. */
  public static Path write(Connection c, PipelineConfig config, LocalDate runDate, String runId,
      Path file) {
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
        1 << 16)) {
      write(out, new RunQueries(c, runDate), new BookQueries(c, runDate), config, runId);
      return file;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write the report " + file + ": "
          + e.getMessage().lines().findFirst().orElse(""), e);
    } catch (IOException e) {
      FullDisk.ofStagedFile(e, file, "the report " + file.getFileName());
      throw new UncheckedIOException("cannot write the report " + file, e);
    }
  }

  private static void write(Writer out, RunQueries runs, BookQueries book, PipelineConfig config,
      String runId) throws SQLException, IOException {
    Run run = runs.run(runId);
    Listed<StatedTotal> totals = runs.statedTotals(TOTALS_LISTED);
    Listed<PriceBreak> breaks = runs.priceBreaks(BREAKS_LISTED);
    List<Household> worst = book.worst(Math.max(DETAILED_HOUSEHOLDS, WORST_LISTED));
    Map<String, Long> detailed = new LinkedHashMap<>();
    List<Household> withSection = worst.subList(0, Math.min(DETAILED_HOUSEHOLDS, worst.size()));
    withSection.forEach(h -> detailed.put(h.householdId(), h.rank()));
    BookFacts.Totals bookTotals = book.totals();

    ReportPage.start(out, config.name(), run.runDate().toString(), run.runId());
    RealizedGainTotals gains = runs.gains();
    SummarySection.render(run, QualityChecks.names(), config.validation(), totals, breaks,
        gains).render(out);
    SourcesSection.render(runs.sources(), totals, breaks).render(out);
    BookSection.render(bookTotals, book.ordersByBrokerage(),
        worst.subList(0, Math.min(WORST_LISTED, worst.size())),
        book.largestDrifts(DRIFTS_LISTED), detailed, gains,
        gains.shown() ? book.largestGains(GAINS_LISTED) : List.of()).render(out);
    HouseholdIndex.write(out, bookTotals.households(), withSection.size(),
        book::forEachHousehold);
    ReportPage.householdsHeading(out, withSection.size(), bookTotals.households());
    HouseholdSection section = new HouseholdSection(config.rebalance());
    for (HouseholdDetail d : book.details(withSection)) {
      section.render(d).render(out);
    }
    RejectedSection.render(runs.rejected(REJECTED_LISTED)).render(out);
    ReportPage.end(out);
  }
}
