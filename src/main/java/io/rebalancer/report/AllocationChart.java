package io.rebalancer.report;

import static j2html.TagCreator.tag;

import io.rebalancer.core.RebalanceRules;
import io.rebalancer.report.BookFacts.SymbolWeight;
import j2html.tags.ContainerTag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A household's allocation as an inline SVG bar chart drawn here, with no script and no library:
 * per symbol a bar for its weight now, its target (with the drift band around it) and its weight
 * after this run's orders; on a class model per class, then per symbol. Every bar carries its
 * weight in data-weight, so that what it draws can be checked against the warehouse.
 */
final class AllocationChart {
  static final String NOW = "now";
  static final String TARGET = "target";
  static final String AFTER = "after";

  private static final int WIDTH = 760;
  private static final int LABEL = 84;
  private static final int VALUE_TEXT = 76;
  private static final int BAR = 10;
  private static final int GROUP = 3 * BAR + 16;
  private static final int TOP = 8;
  private static final int AXIS = 24;

  private final RebalanceRules rules;

  AllocationChart(RebalanceRules rules) {
    this.rules = rules;
  }

  ContainerTag<?> draw(List<SymbolWeight> weights) {
    return draw(List.of(), weights);
  }

  /**
   * A household on a class model: its classes first, each with its target and band, then its
   * symbols, which have no target of their own (their bars are now and after the orders).
   */
  ContainerTag<?> draw(List<SymbolWeight> classes, List<SymbolWeight> symbols) {
    List<SymbolWeight> weights = new ArrayList<>(classes);
    weights.addAll(symbols);
    Scale x = Scale.of(weights, rules);
    int height = TOP + weights.size() * GROUP + AXIS;
    ContainerTag<?> svg = tag("svg").attr("class", "chart").attr("role", "img")
        .attr("viewBox", "0 0 " + WIDTH + " " + height).attr("width", WIDTH)
        .attr("height", height).attr("xmlns", "http://www.w3.org/2000/svg");
    svg.with(tag("title").withText(classes.isEmpty()
        ? "Allocation now, target and after the orders"
        : "Allocation by asset class and by symbol: now, target and after the orders"));
    int plotBottom = TOP + weights.size() * GROUP;
    for (double tick : x.ticks()) {
      double px = x.px(tick);
      svg.with(line(px, TOP, px, plotBottom, tick == 0 ? "axis" : "grid"));
      svg.with(text(px, plotBottom + 16, "tick", "middle", Numbers.percent(tick).replace(".00", "")));
    }
    for (int i = 0; i < weights.size(); i++) {
      SymbolWeight w = weights.get(i);
      boolean isClass = i < classes.size();
      String item = isClass ? "data-class" : "data-symbol";
      int y = TOP + i * GROUP + 8;
      svg.with(text(LABEL - 10, y + BAR + BAR / 2 + 4, isClass ? "asset-class" : "symbol", "end",
          w.symbol()));
      if (w.targetWeight() != null) {
        double band = rules.band(BigDecimal.valueOf(w.targetWeight())).doubleValue();
        if ((isClass ? !"CASH".equals(w.symbol()) : traded(w.symbol())) && band > 0) {
          double lo = x.px(w.targetWeight() - band);
          double hi = x.px(w.targetWeight() + band);
          svg.with(rect("band", lo, y - 3, hi - lo, 3 * BAR + 6)
              .with(tag("title").withText(w.symbol() + " band: target "
                  + Numbers.percent(w.targetWeight()) + " ± "
                  + Numbers.points(band).replace("+", ""))));
        }
      }
      svg.with(bar(x, item, w.symbol(), NOW, w.weight(), y, w.outOfBand()));
      if (w.targetWeight() != null) {
        svg.with(bar(x, item, w.symbol(), TARGET, w.targetWeight(), y + BAR, false));
      }
      if (w.postTradeWeight() != null) {
        svg.with(bar(x, item, w.symbol(), AFTER, w.postTradeWeight(), y + 2 * BAR, false));
      }
    }
    return svg;
  }

  /** Cash and restricted symbols are never traded, so they have no band to stay in. */
  boolean traded(String symbol) {
    return !"CASH".equals(symbol) && !rules.isRestricted(symbol);
  }

  /** @param item the attribute naming what the bar is of: data-symbol, or data-class */
  private ContainerTag<?> bar(Scale x, String item, String symbol, String series, double weight,
      int y, boolean outOfBand) {
    double from = x.px(Math.min(0, weight));
    double to = x.px(Math.max(0, weight));
    String label = Numbers.percent(weight);
    ContainerTag<?> group = tag("g");
    group.with(rect("bar " + series + (outOfBand ? " out" : ""), from, y + 1, Math.max(to - from, 0.5),
        BAR - 2).attr(item, symbol).attr("data-series", series)
        .attr("data-weight", Double.toString(weight))
        .with(tag("title").withText(symbol + " " + series + ": " + label)));
    group.with(text(to + 4, y + BAR - 1, "value " + series, "start", label));
    return group;
  }

  private static ContainerTag<?> rect(String cls, double x, double y, double w, double h) {
    return tag("rect").attr("class", cls).attr("x", n(x)).attr("y", n(y)).attr("width", n(w))
        .attr("height", n(h));
  }

  private static ContainerTag<?> line(double x1, double y1, double x2, double y2, String cls) {
    return tag("line").attr("class", cls).attr("x1", n(x1)).attr("y1", n(y1)).attr("x2", n(x2))
        .attr("y2", n(y2));
  }

  private static ContainerTag<?> text(double x, double y, String cls, String anchor, String s) {
    return tag("text").attr("class", cls).attr("x", n(x)).attr("y", n(y))
        .attr("text-anchor", anchor).withText(s);
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Weights to pixels: from the lowest weight (0, or a short below it) to the highest. */
  private record Scale(double lo, double hi, double step) {
    static Scale of(List<SymbolWeight> weights, RebalanceRules rules) {
      double lo = 0;
      double hi = 0.1;
      for (SymbolWeight w : weights) {
        double target = w.targetWeight() == null ? 0 : w.targetWeight();
        double band = rules.band(BigDecimal.valueOf(target)).doubleValue();
        for (double v : new double[] {w.weight(), target + band,
            w.postTradeWeight() == null ? 0 : w.postTradeWeight()}) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      double span = hi - lo;
      double step = span <= 0.25 ? 0.05 : span <= 0.6 ? 0.1 : span <= 1.5 ? 0.25 : Math.pow(10,
          Math.ceil(Math.log10(span / 6)));
      return new Scale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
    }

    double px(double weight) {
      return LABEL + (weight - lo) / (hi - lo) * (WIDTH - LABEL - VALUE_TEXT);
    }

    double[] ticks() {
      int n = (int) Math.round((hi - lo) / step);
      double[] t = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        t[i] = Math.round((lo + i * step) * 1e9) / 1e9;
      }
      return t;
    }
  }
}
