package io.rebalancer.report;

import static j2html.TagCreator.a;
import static j2html.TagCreator.caption;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.span;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.text;
import static j2html.TagCreator.tfoot;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;

import io.rebalancer.core.RealizedGainTotals;
import io.rebalancer.report.BookFacts.BrokerageOrders;
import io.rebalancer.report.BookFacts.Household;
import io.rebalancer.report.BookFacts.HouseholdGains;
import io.rebalancer.report.BookFacts.SymbolWeight;
import io.rebalancer.report.BookFacts.Totals;
import j2html.tags.DomContent;
import j2html.tags.specialized.SectionTag;
import java.util.List;
import java.util.Map;

/** The book as a whole: totals, orders by brokerage, the worst households, the largest drifts. */
final class BookSection {
  private BookSection() {}

  /**
   * @param detailed the rank of each household that has a detail section, by id
   * @param gains the run's realised gains; shown only when some sell took a lot of known basis
   * @param largestGains the households of the largest estimated taxable gains
   */
  static SectionTag render(Totals t, List<BrokerageOrders> brokerages, List<Household> worst,
      List<SymbolWeight> drifts, Map<String, Long> detailed, RealizedGainTotals gains,
      List<HouseholdGains> largestGains) {
    return section().withId("book").withClass("card").with(
        h2("Book"),
        div().withClass("tiles").with(
            tile("total value", Numbers.money(t.totalValue()), "book-value"),
            tile("households", Numbers.count(t.households()), "book-households"),
            tile("out of band", Numbers.count(t.householdsOutOfBand()), "book-out-of-band"),
            tile("sells for " + Numbers.money(t.sellAmount()), Numbers.count(t.sells()),
                "book-sells"),
            tile("buys for " + Numbers.money(t.buyAmount()), Numbers.count(t.buys()),
                "book-buys"),
            tile("unplaced trades", Numbers.count(t.unplaced()), "book-unplaced")),
        brokerages(t, brokerages),
        worst(t, worst, detailed),
        drifts(drifts, detailed),
        gains(gains, largestGains, detailed));
  }

  /** Nothing unless some sell took a lot of known basis: a run without lots renders as before. */
  private static DomContent gains(RealizedGainTotals g, List<HouseholdGains> largest,
      Map<String, Long> detailed) {
    if (!g.shown()) {
      return text("");
    }
    return table().withClass("largest-gains").attr("data-wash-sale-lots", g.washSaleLots())
        .with(caption("Largest estimated realised gains (taxable accounts only; "
            + Numbers.count(g.washSaleLots()) + " taxable lot" + (g.washSaleLots() == 1 ? "" : "s")
            + " sold at risk of a wash sale in the book)"),
        thead(tr(th("household"), th("short-term").withClass("num"),
            th("long-term").withClass("num"), th("unknown term").withClass("num"),
            th("estimated gain").withClass("num"), th("shares of unknown basis").withClass("num"),
            th("wash-sale risks").withClass("num"))),
        tbody(each(largest, h -> tr(td(link(h.householdId(), detailed)),
            td(Numbers.money(h.shortTermGain())).withClass("num short-term"),
            td(Numbers.money(h.longTermGain())).withClass("num long-term"),
            td(Numbers.money(h.unknownTermGain())).withClass("num unknown-term"),
            td(Numbers.money(h.taxableGain())).withClass("num taxable-gain"),
            td(Numbers.plain(h.unknownBasisShares())).withClass("num"),
            td(Numbers.count(h.washSaleLots())).withClass("num wash-sale-lots"))
            .attr("data-household", h.householdId()))));
  }

  private static DomContent tile(String label, String value, String id) {
    return div().withClass("tile").with(div(value).withClass("tile-value").withId(id),
        div(label).withClass("tile-label"));
  }

  private static DomContent brokerages(Totals t, List<BrokerageOrders> rows) {
    if (rows.isEmpty()) {
      return p("No orders in this run.").withClass("muted");
    }
    return table().withClass("brokerages").with(caption("Orders by brokerage"),
        thead(tr(th("brokerage"), th("accounts").withClass("num"), th("sells").withClass("num"),
            th("sold").withClass("num"), th("buys").withClass("num"),
            th("bought").withClass("num"))),
        tbody(each(rows, b -> tr(td(b.brokerageId()),
            td(Numbers.count(b.accounts())).withClass("num"),
            td(Numbers.count(b.sells())).withClass("num"),
            td(Numbers.money(b.sellAmount())).withClass("num"),
            td(Numbers.count(b.buys())).withClass("num"),
            td(Numbers.money(b.buyAmount())).withClass("num")).attr("data-brokerage",
                b.brokerageId()))),
        tfoot(tr(th("all"), th(""), th(Numbers.count(t.sells())).withClass("num"),
            th(Numbers.money(t.sellAmount())).withClass("num"),
            th(Numbers.count(t.buys())).withClass("num"),
            th(Numbers.money(t.buyAmount())).withClass("num"))));
  }

  private static DomContent worst(Totals t, List<Household> worst, Map<String, Long> detailed) {
    return table().withClass("worst").with(
        caption((worst.size() == t.households() ? "The households"
            : "The worst " + worst.size() + " of " + Numbers.count(t.households()) + " households")
            + ", worst first (out of band first, then by largest drift)"),
        thead(tr(th("#").withClass("num"), th("household"), th("status"),
            th("value").withClass("num"), th("largest drift").withClass("num"),
            th("orders").withClass("num"), th("unplaced").withClass("num"))),
        tbody(each(worst, h -> tr(td(String.valueOf(h.rank())).withClass("num"),
            td(link(h.householdId(), detailed)), td(HouseholdSection.status(h)),
            td(Numbers.money(h.totalValue())).withClass("num"),
            td(Numbers.points(h.maxDrift()).replace("+", "")).withClass("num"),
            td(Numbers.count(h.orders())).withClass("num"),
            td(Numbers.count(h.unplaced())).withClass("num")))));
  }

  private static DomContent drifts(List<SymbolWeight> drifts, Map<String, Long> detailed) {
    return table().withClass("largest-drifts").with(caption("Largest drifts of the book"),
        thead(tr(th("household"), th("symbol"), th("now").withClass("num"),
            th("target").withClass("num"), th("drift").withClass("num"), th("status"))),
        tbody(each(drifts, w -> tr(td(link(w.householdId(), detailed)), td(w.symbol()),
            td(Numbers.percent(w.weight())).withClass("num"),
            td(Numbers.percent(w.targetWeight())).withClass("num"),
            td(Numbers.points(w.drift())).withClass("num"),
            td(w.outOfBand() ? span("out of band").withClass("badge bad")
                : span("within").withClass("badge good"))))));
  }

  /** A household's name, linked to its detail section when it has one. */
  static DomContent link(String householdId, Map<String, Long> detailed) {
    Long rank = detailed.get(householdId);
    return rank == null ? span(householdId)
        : a(householdId).withHref("#" + HouseholdSection.anchor(rank));
  }
}
