package io.rebalancer.report;

import static j2html.TagCreator.button;
import static j2html.TagCreator.code;
import static j2html.TagCreator.div;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.noscript;
import static j2html.TagCreator.p;
import static j2html.TagCreator.span;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.text;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import io.rebalancer.report.BookFacts.Household;
import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;

/**
 * Every household of the book in one compact index, worst first: a JSON array in the page that a
 * small script pages through and filters by id. 100,000 households are a few MB of data rather
 * than 100,000 sections; the script builds each row with textContent, never as HTML.
 */
final class HouseholdIndex {
  static final String DATA_ID = "household-index";

  private final Writer out;
  private final JsonGenerator json;

  /**
   * Inside a script element, the HTML parser ends the data at the first "</script" whatever JSON
   * thinks: '<', '>' and '&' are written as \\u003C-style escapes, so that no input can close it.
   */
  private static final class ScriptSafeEscapes extends CharacterEscapes {
    private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

    ScriptSafeEscapes() {
      escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }

  /** Hands every household of the book, worst first, to a sink. */
  interface Households {
    void forEach(Sql.Sink<Household> sink) throws SQLException, IOException;
  }

  private HouseholdIndex(Writer out) throws IOException {
    this.out = out;
    this.json = new JsonFactory().createGenerator(out)
        .setCharacterEscapes(new ScriptSafeEscapes());
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /** Writes the index section: its controls, its data, and where the script draws it. */
  static void write(Writer out, long households, int detailed, Households each)
      throws IOException, SQLException {
    // the script links the households ranked up to data-detailed to their sections
    out.write("<section id=\"index\" class=\"card\" data-detailed=\"" + detailed + "\">");
    div().with(
        h2("All households"),
        p().with(text(Numbers.count(households) + (households == 1 ? " household" : " households")
            + ", worst first. " + (detailed >= households ? "Each has a section below; the"
                + " warehouse holds the same rows, e.g. "
                : "The " + detailed + " worst have a section below; for any other, the warehouse"
                    + " holds everything, e.g. ")),
            code("SELECT * FROM allocations WHERE scope = 'household' AND scope_id = '…'")),
        div().withClass("index-controls").with(
            input().withType("search").withId("index-filter")
                .attr("placeholder", "filter by household id").attr("aria-label",
                    "filter by household id"),
            label().with(input().withType("checkbox").withId("index-out-of-band"),
                text(" out of band only")),
            span().withId("index-count").withClass("muted"),
            button("‹ previous").withId("index-prev").withType("button"),
            button("next ›").withId("index-next").withType("button")),
        table().withId("index-table").withClass("index").with(
            thead(tr(th("#").withClass("num"), th("household"), th("accounts").withClass("num"),
                th("value").withClass("num"), th("out of band").withClass("num"),
                th("largest drift").withClass("num"), th("orders").withClass("num"),
                th("unplaced").withClass("num"))),
            tbody().withId("index-rows")),
        noscript("The index needs JavaScript; the worst households are listed in the book"
            + " section, and the warehouse has them all.")).render(out);
    out.write("<script type=\"application/json\" id=\"" + DATA_ID + "\">");
    HouseholdIndex index = new HouseholdIndex(out);
    index.json.writeStartArray();
    each.forEach(index::row);
    index.json.writeEndArray();
    index.json.flush();
    out.write("</script></section>");
  }

  /** [rank, id, accounts, value, symbols out of band, largest drift, orders, unplaced]. */
  private void row(Household h) throws IOException {
    json.writeStartArray();
    json.writeNumber(h.rank());
    json.writeString(h.householdId());
    json.writeNumber(h.accounts());
    json.writeString(Numbers.money(h.totalValue()));
    json.writeNumber(h.symbolsOutOfBand());
    json.writeString(Numbers.points(h.maxDrift()).replace("+", ""));
    json.writeNumber(h.orders());
    json.writeNumber(h.unplaced());
    json.writeEndArray();
  }
}
