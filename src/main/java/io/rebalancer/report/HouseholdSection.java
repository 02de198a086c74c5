package io.rebalancer.report;

import static j2html.TagCreator.caption;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.span;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.text;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;

import io.rebalancer.core.RebalanceRules;
import io.rebalancer.report.BookFacts.Gain;
import io.rebalancer.report.BookFacts.Household;
import io.rebalancer.report.BookFacts.HouseholdDetail;
import io.rebalancer.report.BookFacts.Order;
import io.rebalancer.report.BookFacts.SymbolWeight;
import io.rebalancer.report.BookFacts.Unplaced;
import j2html.tags.DomContent;
import j2html.tags.specialized.SectionTag;
import java.math.BigDecimal;

/**
 * One household in full: its chart, its drift against the bands, its orders and unplaced trades,
 * and the lots its sells took when one was of known basis.
 */
final class HouseholdSection {
  private final RebalanceRules rules;
  private final AllocationChart chart;

  HouseholdSection(RebalanceRules rules) {
    this.rules = rules;
    this.chart = new AllocationChart(rules);
  }

  /** The anchor of a detailed household: its rank, since an id may hold any character. */
  static String anchor(long rank) {
    return "hh-" + rank;
  }

  SectionTag render(HouseholdDetail d) {
    Household h = d.household();
    return section().withClass("household card").withId(anchor(h.rank()))
        .attr("data-household", h.householdId()).with(
            h3().with(span(h.householdId()).withClass("hid"), text(" "), status(h)),
            p().withClass("facts").with(text("#" + h.rank() + " of the book · model "),
                span(h.modelId()), text(" · " + h.accounts() + " account"
                    + (h.accounts() == 1 ? "" : "s") + " · value "),
                span(Numbers.money(h.totalValue())).withClass("num total-value"),
                text(" · largest drift " + Numbers.points(h.maxDrift()).replace("+", ""))),
            div().withClass("chart-box").with(legend(), d.classes().isEmpty()
                ? chart.draw(d.allocations()) : chart.draw(d.classes(), d.allocations())),
            drifts(d),
            orders(d),
            unplaced(d),
            gains(d));
  }

  static DomContent status(Household h) {
    return h.outOfBand()
        ? span(h.symbolsOutOfBand() + " out of band").withClass("badge bad")
        : span("within bands").withClass("badge good");
  }

  private static DomContent legend() {
    return div().withClass("legend").with(
        span().withClass("key now"), text("now"),
        span().withClass("key now-out"), text("now, out of band"),
        span().withClass("key target"), text("target"),
        span().withClass("key after"), text("after the orders"),
        span().withClass("key band"), text("drift band"));
  }

  private DomContent drifts(HouseholdDetail d) {
    String bands = "Drift against the bands (absolute " + Numbers.points(rules.absoluteBand()
        .doubleValue()).replace("+", "") + ", relative "
        + rules.relativeBand().movePointRight(2).stripTrailingZeros().toPlainString()
        + "% of the target; the narrower applies)";
    if (!d.classes().isEmpty()) {
      return classDrifts(d, bands);
    }
    return table().withClass("drifts").with(caption(bands),
        thead(tr(th("symbol"), th("value").withClass("num"), th("now").withClass("num"),
            th("target").withClass("num"), th("band").withClass("num"),
            th("drift").withClass("num"), th("after orders").withClass("num"), th("status"))),
        tbody(each(d.allocations(), this::driftRow)));
  }

  /**
   * A class model is traded on its classes: their rows against the bands, then the symbols
   * beneath them, now and after the orders, with no target of their own.
   */
  private DomContent classDrifts(HouseholdDetail d, String bands) {
    return table().withClass("drifts by-class").with(
        caption(bands.replace("Drift against", "Drift of each asset class against")
            + ", then each symbol, traded through its class"),
        thead(tr(th("class / symbol"), th("value").withClass("num"), th("now").withClass("num"),
            th("target").withClass("num"), th("band").withClass("num"),
            th("drift").withClass("num"), th("after orders").withClass("num"), th("status"))),
        tbody(each(d.classes(), this::classRow),
            tr(th("symbols").attr("colspan", "8")).withClass("symbols-heading"),
            each(d.allocations(), this::symbolOfClassRow)));
  }

  private DomContent classRow(SymbolWeight c) {
    boolean traded = !"CASH".equals(c.symbol());
    return tr(td(c.symbol()), td(Numbers.money(c.marketValue())).withClass("num"),
        td(Numbers.percent(c.weight())).withClass("num weight"),
        td(Numbers.percent(c.targetWeight())).withClass("num target"),
        td(band(traded, c.targetWeight())).withClass("num"),
        td(Numbers.points(c.drift())).withClass("num drift"),
        td(c.postTradeWeight() == null ? "" : Numbers.percent(c.postTradeWeight()))
            .withClass("num after"), td(status(traded, c.outOfBand())))
        .withClass("asset-class").attr("data-class", c.symbol());
  }

  private DomContent symbolOfClassRow(SymbolWeight w) {
    return tr(td(w.symbol()), td(Numbers.money(w.marketValue())).withClass("num"),
        td(Numbers.percent(w.weight())).withClass("num weight"), td("").withClass("num target"),
        td(""), td("").withClass("num drift"),
        td(w.postTradeWeight() == null ? "" : Numbers.percent(w.postTradeWeight()))
            .withClass("num after"),
        td(span(chart.traded(w.symbol()) ? "traded by its class" : "not traded")
            .withClass("muted")))
        .attr("data-symbol", w.symbol());
  }

  private String band(boolean traded, double target) {
    return !traded ? "" : target <= 0 ? "none: not in the model"
        : "± " + Numbers.points(rules.band(BigDecimal.valueOf(target)).doubleValue())
            .replace("+", "");
  }

  private static DomContent status(boolean traded, boolean outOfBand) {
    return !traded ? span("not traded").withClass("muted")
        : outOfBand ? span("out of band").withClass("badge bad")
        : span("within").withClass("badge good");
  }

  private DomContent driftRow(SymbolWeight w) {
    boolean traded = chart.traded(w.symbol());
    return tr(td(w.symbol()), td(Numbers.money(w.marketValue())).withClass("num"),
        td(Numbers.percent(w.weight())).withClass("num weight"),
        td(Numbers.percent(w.targetWeight())).withClass("num target"),
        td(band(traded, w.targetWeight())).withClass("num"),
        td(Numbers.points(w.drift())).withClass("num drift"),
        td(w.postTradeWeight() == null ? "" : Numbers.percent(w.postTradeWeight()))
            .withClass("num after"), td(status(traded, w.outOfBand())))
        .attr("data-symbol", w.symbol());
  }

  private static DomContent orders(HouseholdDetail d) {
    if (d.orders().isEmpty()) {
      return p("No orders.").withClass("muted");
    }
    return table().withClass("orders").with(caption(d.orders().size() + " order"
            + (d.orders().size() == 1 ? "" : "s")),
        thead(tr(th("order"), th("brokerage"), th("account"), th("side"), th("symbol"),
            th("quantity").withClass("num"), th("price").withClass("num"),
            th("amount").withClass("num"), th("reason"))),
        tbody(each(d.orders(), HouseholdSection::orderRow)));
  }

  private static DomContent orderRow(Order o) {
    return tr(td(o.orderId()).withClass("mono"), td(o.brokerageId()), td(o.accountId()),
        td(span(o.side()).withClass("side " + o.side().toLowerCase(java.util.Locale.ROOT))),
        td(o.symbol()), td(Numbers.plain(o.quantity())).withClass("num quantity"),
        td(Numbers.plain(o.price())).withClass("num"),
        td(Numbers.money(o.estimatedAmount())).withClass("num amount"), td(o.reason()))
        .attr("data-order", o.orderId());
  }

  /**
   * The lots the sells took with their gains, and the taxable total by term: nothing when none
   * was of known basis (BookQueries gives none), so that a run without lots renders as before.
   */
  private static DomContent gains(HouseholdDetail d) {
    if (d.gains().isEmpty()) {
      return text("");
    }
    BigDecimal shortTerm = BigDecimal.ZERO;
    BigDecimal longTerm = BigDecimal.ZERO;
    BigDecimal unknownTerm = BigDecimal.ZERO;
    for (Gain g : d.gains()) {
      if (g.taxable() && g.gain() != null) {
        switch (g.term()) {
          case "short" -> shortTerm = shortTerm.add(g.gain());
          case "long" -> longTerm = longTerm.add(g.gain());
          default -> unknownTerm = unknownTerm.add(g.gain());
        }
      }
    }
    return div().withClass("gains-box").with(
        table().withClass("gains").with(caption("Realised gains: " + d.gains().size()
                + " lot" + (d.gains().size() == 1 ? "" : "s") + " sold"),
            thead(tr(th("account"), th("symbol"), th("lot"), th("term"),
                th("quantity").withClass("num"), th("cost basis").withClass("num"),
                th("proceeds").withClass("num"), th("gain").withClass("num"), th("wash sale"))),
            tbody(each(d.gains(), HouseholdSection::gainRow))),
        p().withClass("facts gain-totals").with(text("Estimated gain in taxable accounts: "),
            span(Numbers.money(shortTerm)).withClass("num short-term"), text(" short-term, "),
            span(Numbers.money(longTerm)).withClass("num long-term"), text(" long-term"),
            unknownTerm.signum() == 0 ? text("") : text(", " + Numbers.money(unknownTerm)
                + " of unknown term")));
  }

  private static DomContent gainRow(Gain g) {
    return tr(td().with(text(g.brokerageId() + " " + g.accountId() + " "),
            span(g.accountType()).withClass("muted")), td(g.symbol()),
        td(g.lotId().isEmpty() ? span("rest of the holding").withClass("muted")
            : span(g.lotId()).withClass("mono")),
        td().with(text(g.term()), g.openDate() == null ? text("")
            : span(" since " + g.openDate()).withClass("muted")),
        td(Numbers.plain(g.quantity())).withClass("num quantity"),
        td(g.costBasis() == null ? "unknown" : Numbers.money(g.costBasis()))
            .withClass("num cost-basis"),
        td(Numbers.money(g.proceeds())).withClass("num proceeds"),
        td(g.gain() == null ? "unknown" : Numbers.money(g.gain())).withClass("num gain"),
        td(g.washSaleRisk() ? span("wash-sale risk").withClass("badge bad") : text("")))
        .attr("data-symbol", g.symbol()).attr("data-lot", g.lotId())
        .attr("data-account", g.brokerageId() + "/" + g.accountId());
  }

  private static DomContent unplaced(HouseholdDetail d) {
    if (d.unplaced().isEmpty()) {
      return p("No unplaced trades.").withClass("muted");
    }
    return table().withClass("unplaced").with(caption(d.unplaced().size()
            + " unplaced trade" + (d.unplaced().size() == 1 ? "" : "s")),
        thead(tr(th("symbol"), th("side"), th("quantity").withClass("num"), th("reason"))),
        tbody(each(d.unplaced(), (Unplaced u) -> tr(td(u.symbol()), td(u.side()),
            td(u.quantity() == null ? "no price" : Numbers.plain(u.quantity()))
                .withClass("num"), td(u.reason())))));
  }
}
