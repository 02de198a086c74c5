package io.rebalancer.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import io.rebalancer.core.RebalanceRules;
import io.rebalancer.report.BookFacts.SymbolWeight;
import java.math.BigDecimal;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class AllocationChartTest {
  private static final RebalanceRules RULES = RebalanceRules.defaults(); // 5 points, 25%

  private static SymbolWeight weight(String symbol, double now, double target, Double after) {
    return new SymbolWeight("H", symbol, BigDecimal.ONE, now, target, now - target,
        Math.abs(now - target) > 0.05, after);
  }

  private static Document draw(SymbolWeight... weights) {
    return Jsoup.parse(new AllocationChart(RULES).draw(List.of(weights)).render());
  }

  private static Element bar(Document svg, String symbol, String series) {
    return svg.selectFirst("rect.bar[data-symbol=" + symbol + "][data-series=" + series + "]");
  }

  private static double x(Element e) {
    return Double.parseDouble(e.attr("x"));
  }

  private static double width(Element e) {
    return Double.parseDouble(e.attr("width"));
  }

  @Test
  void barsAreToScaleAndEachCarriesItsWeight() {
    Document svg = draw(weight("VTI", 0.37, 0.40, 0.39), weight("BND", 0.60, 0.50, 0.51));
    assertThat(svg.select("rect.bar").size(), is(6));
    assertThat(bar(svg, "VTI", "after").attr("data-weight"), is("0.39"));
    double perWeight = width(bar(svg, "BND", "now")) / 0.60;
    assertThat(width(bar(svg, "VTI", "now")), closeTo(0.37 * perWeight, 0.1));
    assertThat(width(bar(svg, "VTI", "target")), closeTo(0.40 * perWeight, 0.1));
    assertThat(svg.select("rect.bar.out").size(), is(1)); // BND now, 10 points over
  }

  @Test
  void theBandSpansTheNarrowerBandAroundTheTarget() {
    Document svg = draw(weight("BNDX", 0.05, 0.10, 0.10), weight("VTI", 0.95, 0.90, 0.90));
    Element band = svg.selectFirst("rect.band");
    double perWeight = width(bar(svg, "VTI", "now")) / 0.95;
    // 25% of 0.10 is 2.5 points either side, narrower than the 5-point absolute band
    assertThat(width(band), closeTo(0.05 * perWeight, 0.2));
  }

  @Test
  void aShortDrawsLeftOfTheZeroAxisAndCashHasNoBand() {
    Document svg = draw(weight("CASH", -0.10, 0.02, -0.10), weight("VTI", 1.10, 0.98, 1.10));
    Element cash = bar(svg, "CASH", "now");
    Element vti = bar(svg, "VTI", "now");
    assertThat(x(cash), lessThan(x(vti)));
    assertThat(x(cash) + width(cash), closeTo(x(vti), 0.1)); // both meet at zero
    assertThat(svg.select("rect.band").size(), is(1)); // VTI's only
  }

  @Test
  void symbolsAreTextNotMarkup() {
    Document svg = draw(weight("<b>X</b>", 0.5, 0.5, 0.5), weight("Y", 0.5, 0.5, 0.5));
    assertThat(svg.select("b").size(), is(0));
    assertThat(svg.selectFirst("text.symbol").text(), is("<b>X</b>"));
  }
}
