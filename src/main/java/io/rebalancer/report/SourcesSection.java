package io.rebalancer.report;

import static j2html.TagCreator.caption;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.span;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;

import io.rebalancer.report.RunFacts.Listed;
import io.rebalancer.report.RunFacts.PriceBreak;
import io.rebalancer.report.RunFacts.Source;
import io.rebalancer.report.RunFacts.SourceFile;
import io.rebalancer.report.RunFacts.StatedTotal;
import j2html.tags.DomContent;
import j2html.tags.specialized.SectionTag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Each source's counts and files, the totals its exports state, and the price breaks. */
final class SourcesSection {
  private SourcesSection() {}

  static SectionTag render(List<Source> sources, Listed<StatedTotal> totals,
      Listed<PriceBreak> breaks) {
    return section().withId("sources").withClass("card").with(
        h2("Sources"),
        table().withClass("sources").with(
            thead(tr(th("source / file"), th("as of"), th("rows read").withClass("num"),
                th("holdings").withClass("num"), th("other lines").withClass("num"),
                th("rejected").withClass("num"), th("stated totals").withClass("num"))),
            tbody(each(sources, SourcesSection::sourceRows))),
        reconciliation(totals),
        priceBreaks(breaks));
  }

  private static DomContent sourceRows(Source s) {
    List<DomContent> rows = new ArrayList<>();
    rows.add(tr(td(s.sourceId()).withClass("strong"), td(s.files() + " file"
            + (s.files() == 1 ? "" : "s")), td(Numbers.count(s.rowsRead())).withClass("num"),
        td(Numbers.count(s.holdings())).withClass("num"),
        td(Numbers.count(s.recognised())).withClass("num"),
        td(Numbers.count(s.rejected())).withClass("num" + (s.rejected() > 0 ? " bad" : "")),
        td("")).withClass("source").attr("data-source", s.sourceId()));
    for (SourceFile f : s.fileList()) {
      rows.add(tr(td(fileName(f.uri())).withClass("file").withTitle(f.uri()),
          td(asOf(f)), td(Numbers.count(f.rowsRead())).withClass("num"), td(), td(), td(),
          td(f.statedTotals() == 0 ? "none stated"
              : f.totalsWithinTolerance() + " of " + f.statedTotals() + " reconciled")
              .withClass("num")));
    }
    return each(rows.toArray(new DomContent[0]));
  }

  private static String asOf(SourceFile f) {
    if (!f.asOfStated()) {
      return "states no date";
    }
    return f.asOfDate() + (f.asOfTime() == null ? "" : " " + f.asOfTime());
  }

  static String fileName(String uri) {
    if (uri == null) {
      return "";
    }
    Path name = Path.of(uri).getFileName();
    return name == null ? uri : name.toString();
  }

  private static DomContent reconciliation(Listed<StatedTotal> totals) {
    if (totals.total() == 0) {
      return p("No export states an account total.").withClass("muted");
    }
    return table().withClass("reconciliation").with(
        caption("Stated totals against the holdings read (table source_reconciliation)"
            + more(totals)),
        thead(tr(th("file"), th("line").withClass("num"), th("account"), th("label"),
            th("stated").withClass("num"), th("holdings").withClass("num"),
            th("difference").withClass("num"), th(""))),
        tbody(each(totals.rows(), t -> tr(td(fileName(t.uri())).withTitle(t.uri()),
            td(String.valueOf(t.lineNumber())).withClass("num"), td(t.accountId()),
            td(t.label() + (t.includesCash() ? "" : " (cash excluded)")),
            td(Numbers.money(t.stated())).withClass("num"),
            td(Numbers.money(t.parsed())).withClass("num"),
            td(Numbers.money(t.difference())).withClass("num"),
            td(t.withinTolerance() ? span("reconciled").withClass("badge good")
                : span("off").withClass("badge bad"))))));
  }

  private static DomContent priceBreaks(Listed<PriceBreak> breaks) {
    if (breaks.total() == 0) {
      return p("No price breaks: every export price is near its latest close.")
          .withClass("muted");
    }
    return table().withClass("price-breaks").with(
        caption("Price breaks (table price_breaks)" + more(breaks)),
        thead(tr(th("file"), th("line").withClass("num"), th("account"), th("symbol"),
            th("export price").withClass("num"), th("close").withClass("num"), th("close date"),
            th("away").withClass("num"))),
        tbody(each(breaks.rows(), b -> tr(td(fileName(b.uri())).withTitle(b.uri()),
            td(String.valueOf(b.lineNumber())).withClass("num"),
            td(b.brokerageId() + " " + b.accountId()), td(b.symbol()),
            td(Numbers.plain(b.exportPrice())).withClass("num"),
            td(Numbers.plain(b.close())).withClass("num"), td(String.valueOf(b.closeDate())),
            td(Numbers.percent(b.relativeDifference())).withClass("num")))));
  }

  static String more(Listed<?> listed) {
    return listed.more() <= 0 ? "" : ": the first " + listed.rows().size() + " of "
        + Numbers.count(listed.total()) + "; the warehouse has them all";
  }
}
