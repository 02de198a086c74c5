package io.rebalancer.report;

import static j2html.TagCreator.code;
import static j2html.TagCreator.details;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.li;
import static j2html.TagCreator.section;
import static j2html.TagCreator.span;
import static j2html.TagCreator.summary;
import static j2html.TagCreator.text;
import static j2html.TagCreator.ul;

import io.rebalancer.core.RealizedGainTotals;
import io.rebalancer.core.trust.ValidationRules;
import io.rebalancer.report.RunFacts.Listed;
import io.rebalancer.report.RunFacts.PriceBreak;
import io.rebalancer.report.RunFacts.Run;
import io.rebalancer.report.RunFacts.StatedTotal;
import j2html.tags.DomContent;
import j2html.tags.specialized.SectionTag;
import java.time.Duration;
import java.util.List;

/** The run at a glance: what ran, what it counted, and the checks it passed. */
final class SummarySection {
  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private SummarySection() {}

  static SectionTag render(Run run, List<String> checks, ValidationRules validation,
      Listed<StatedTotal> totals, Listed<PriceBreak> breaks, RealizedGainTotals gains) {
    Duration took = Duration.between(run.startedAt(), run.finishedAt());
    long within = totals.rows().stream().filter(StatedTotal::withinTolerance).count();
    return section().withId("summary").withClass("card").with(
        h2("Run"),
        div().withClass("tiles").with(
            tile("records read", Numbers.count(run.recordsRead())),
            tile("rejected", Numbers.count(run.recordsRejected())),
            tile("accounts", Numbers.count(run.accounts())),
            tile("households", Numbers.count(run.households())),
            tile("orders", Numbers.count(run.orders())),
            tile("unplaced trades", Numbers.count(run.unplaced()))),
        ul().withClass("facts-list").with(
            li(text("run "), code(run.runId()), text(" for " + run.runDate() + " on "
                + run.runner() + ", " + run.status())),
            li("started " + TIME.format(run.startedAt()) + ", finished "
                + TIME.format(run.finishedAt()) + " (" + String.format(java.util.Locale.ROOT,
                    "%.1f", took.toMillis() / 1000.0) + " s)"),
            li(text("config "), code(run.config())),
            gains(gains)),
        h2("Checks"),
        ul().withClass("checks").with(
            check(true, run.checks() + " data-quality checks passed inside the load transaction",
                details(summary("which"), ul(each(checks, c -> li(code(c)))))),
            check(true, "every export dated at most " + validation.maxExportAgeDays()
                + " days before the run date, and none after it", null),
            check(true, "one file per account, and no close older than "
                + validation.maxPriceAgeDays() + " days for a held or model symbol", null),
            check(within == totals.rows().size(), totals.total() == 0
                ? "no export states an account total to reconcile"
                : totals.total() + " stated total" + (totals.total() == 1 ? "" : "s")
                    + " reconciled within " + validation.totalTolerance().toPlainString(), null),
            check(run.recordsRejected() <= validation.maxRejectedRows(), run.recordsRejected()
                + " rejected row" + (run.recordsRejected() == 1 ? "" : "s") + " (validation.maxRejectedRows is " + validation.maxRejectedRows()
                + ")", null),
            check(breaks.total() == 0, breaks.total() == 0 ? "no price breaks"
                : breaks.total() + " price break" + (breaks.total() == 1 ? "" : "s")
                    + " recorded (an export price more than " + validation.priceBreakTolerance()
                        .movePointRight(2).stripTrailingZeros().toPlainString()
                    + "% from its latest close; not a failure)", null)));
  }

  /**
   * The sells' estimated taxable gains, only when some sell took a lot of known basis: a run
   * without lots renders as it did before lots existed.
   */
  private static DomContent gains(RealizedGainTotals g) {
    if (!g.shown()) {
      return text("");
    }
    return li().withId("run-gains").with(text("estimated realised gains in taxable accounts: "),
        span(Numbers.money(g.shortTermGain())).withClass("num short-term"),
        text(" short-term, "), span(Numbers.money(g.longTermGain())).withClass("num long-term"),
        text(" long-term, "),
        span(Numbers.money(g.unknownTermGain())).withClass("num unknown-term"),
        text(" of unknown term (" + Numbers.count(g.knownBasisLots()) + " lot"
            + (g.knownBasisLots() == 1 ? "" : "s") + " of known basis sold, "
            + Numbers.count(g.washSaleLots()) + " taxable lot" + (g.washSaleLots() == 1 ? "" : "s")
            + " at risk of a wash sale)"));
  }

  private static DomContent tile(String label, String value) {
    return div().withClass("tile").with(div(value).withClass("tile-value"),
        div(label).withClass("tile-label"));
  }

  private static DomContent check(boolean ok, String what, DomContent more) {
    return li().withClass(ok ? "ok" : "warn").with(span(ok ? "✓" : "!").withClass("mark"),
        text(" " + what), more == null ? text("") : more);
  }
}
