package io.rebalancer.report;

import static j2html.TagCreator.a;
import static j2html.TagCreator.div;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.header;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.nav;
import static j2html.TagCreator.p;
import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.style;
import static j2html.TagCreator.text;
import static j2html.TagCreator.title;

import j2html.tags.DomContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The page's frame: the head with its inline style, the header and its navigation, and the inline
 * script. Everything is in the one file, so the page opens with no network and no other file.
 */
final class ReportPage {
  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private ReportPage() {}

  static void start(Writer out, String pipeline, String runDate, String runId)
      throws IOException {
    out.write("<!DOCTYPE html>\n<html lang=\"en\"><head>");
    meta().withCharset("utf-8").render(out);
    meta().withName("viewport").withContent("width=device-width, initial-scale=1").render(out);
    title(pipeline + " report " + runDate).render(out);
    // our own constant stylesheet, not an input: written as it is
    style(rawHtml(CSS)).render(out);
    out.write("</head><body>");
    header().with(
        div().withClass("wrap").with(
            h1().with(text(pipeline + " "), text("· " + runDate)),
            p().withClass("sub").with(text("run " + runId)),
            nav().with(link("summary", "Run and checks"), link("sources", "Sources"),
                link("book", "Book"), link("index", "All households"),
                link("households", "Households"), link("rejected", "Rejected rows"))))
        .render(out);
    out.write("<main class=\"wrap\">");
  }

  static void householdsHeading(Writer out, int shown, long households) throws IOException {
    div().withId("households").with(h2("Households in detail"),
        p(shown == households ? "Every household of the run, worst first."
            : "The worst " + shown + " of " + Numbers.count(households) + " households, worst"
                + " first; the index above lists them all, and the warehouse has every one in"
                + " full.").withClass("muted")).render(out);
  }

  static void end(Writer out) throws IOException {
    out.write("</main>");
    // our own constant script, not an input: it reads the index data and builds rows as text
    out.write("<script>");
    out.write(JS);
    out.write("</script></body></html>\n");
  }

  private static DomContent link(String id, String label) {
    return a(label).withHref("#" + id);
  }

  private static String resource(String name) {
    try (InputStream in = ReportPage.class.getResourceAsStream("/report/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource /report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
