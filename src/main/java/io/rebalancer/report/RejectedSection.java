package io.rebalancer.report;

import static j2html.TagCreator.caption;
import static j2html.TagCreator.code;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;

import io.rebalancer.report.RunFacts.Listed;
import io.rebalancer.report.RunFacts.RejectedLine;
import j2html.tags.specialized.SectionTag;

/** The input rows the run turned down, each with its reason and the line as the file had it. */
final class RejectedSection {
  private RejectedSection() {}

  static SectionTag render(Listed<RejectedLine> rejected) {
    SectionTag s = section().withId("rejected").withClass("card").with(h2("Rejected rows"));
    if (rejected.total() == 0) {
      return s.with(p("No row was rejected: every row read is a holding or a recognised line.")
          .withClass("muted"));
    }
    return s.with(table().withClass("rejected").with(
        caption(Numbers.count(rejected.total()) + " rejected row"
            + (rejected.total() == 1 ? "" : "s") + " (table rejected_records)"
            + SourcesSection.more(rejected)),
        thead(tr(th("source"), th("file"), th("line").withClass("num"), th("reason"),
            th("raw line"))),
        tbody(each(rejected.rows(), r -> tr(td(r.sourceId()),
            td(SourcesSection.fileName(r.uri())).withTitle(r.uri() == null ? "" : r.uri()),
            td(r.lineNumber() == null ? "" : String.valueOf(r.lineNumber())).withClass("num"),
            td(r.reason()), td(code(r.rawLine() == null ? "" : r.rawLine()))
                .withClass("raw"))))));
  }
}
