package io.rebalancer.config;

import io.rebalancer.core.format.ExportFormats;
import io.rebalancer.core.format.FormatSpec;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Parses the `formats:` section: custom layouts by name. */
final class FormatSpecs {
  private static final Set<String> SEPARATORS = Set.of(",", ".", " ", "'", "");

  private FormatSpecs() {}

  static Map<String, FormatSpec> parse(ConfigNode formats) {
    Map<String, FormatSpec> out = new TreeMap<>();
    Iterator<String> names = formats.keys();
    while (names.hasNext()) {
      String name = names.next();
      if (ExportFormats.builtIn(name).isPresent()) {
        throw formats.error(formats.keyPath(name), "'" + name + "' is a built-in format: choose"
            + " another name");
      }
      out.put(name, spec(name, formats.child(name)));
    }
    return out;
  }

  private static FormatSpec spec(String name, ConfigNode f) {
    f.allowOnly(Set.of("header", "columns", "cash", "skipRows", "endRows", "numbers", "asOf",
        "totalRow"));
    ConfigNode header = f.child("header");
    header.allowOnly(Set.of("line", "marker"));
    int line = (int) header.integer("line", 0, 1, Integer.MAX_VALUE);
    String marker = header.string("marker", null);
    if ((line == 0) == (marker == null)) {
      throw f.error(f.keyPath("header"), "set exactly one of line (1-based) or marker (the text"
          + " of the header row's first cell)");
    }
    ConfigNode cols = f.child("columns");
    cols.allowOnly(Set.of("account", "symbol", "quantity", "price", "marketValue", "assetClass",
        "currency", "costBasis"));
    ConfigNode cash = f.child("cash");
    cash.allowOnly(Set.of("symbols", "symbolSuffix", "assetClasses"));
    ConfigNode numbers = f.child("numbers");
    numbers.allowOnly(Set.of("decimalSeparator", "thousandsSeparator"));
    String decimal = separator(numbers, "decimalSeparator", ".");
    String thousands = separator(numbers, "thousandsSeparator", ",");
    if (decimal.equals(thousands) || !List.of(".", ",").contains(decimal)) {
      throw f.error(numbers.keyPath("decimalSeparator"), "must be . or , and differ from"
          + " thousandsSeparator");
    }
    return new FormatSpec(name, line, marker, cols.string("account", null),
        cols.requiredString("symbol"), cols.requiredString("quantity"),
        cols.string("price", null), cols.string("marketValue", null),
        cols.string("assetClass", null), cols.string("currency", null), cash.strings("symbols"),
        cash.string("symbolSuffix", null), cash.strings("assetClasses"), f.strings("skipRows"),
        f.strings("endRows"), decimal, thousands, dateLine(f), totalRow(f),
        cols.string("costBasis", null));
  }

  /** `asOf:` {marker, pattern}, both required when it is given; null when it is not. */
  private static FormatSpec.DateLine dateLine(ConfigNode f) {
    if (!f.has("asOf")) {
      return null;
    }
    ConfigNode asOf = f.child("asOf");
    asOf.allowOnly(Set.of("marker", "pattern"));
    String marker = asOf.requiredString("marker");
    String pattern = asOf.requiredString("pattern");
    try {
      return new FormatSpec.DateLine(marker, pattern);
    } catch (IllegalArgumentException e) {
      throw asOf.error(asOf.keyPath("pattern"), e.getMessage());
    }
  }

  /** `totalRow:` {marker, column, includesCash (default true)}; null when it is not given. */
  private static FormatSpec.TotalRow totalRow(ConfigNode f) {
    if (!f.has("totalRow")) {
      return null;
    }
    ConfigNode total = f.child("totalRow");
    total.allowOnly(Set.of("marker", "column", "includesCash"));
    return new FormatSpec.TotalRow(total.requiredString("marker"),
        total.requiredString("column"), total.bool("includesCash", true));
  }

  private static String separator(ConfigNode numbers, String key, String fallback) {
    String s = numbers.string(key, fallback);
    if (!SEPARATORS.contains(s)) {
      throw numbers.error(numbers.keyPath(key), "one of \",\" \".\" \" \" \"'\" or \"\"");
    }
    return s;
  }
}
