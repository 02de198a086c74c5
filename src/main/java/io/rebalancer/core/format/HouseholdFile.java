package io.rebalancer.core.format;

import io.rebalancer.core.HouseholdRules;
import io.rebalancer.core.RebalanceMode;
import io.rebalancer.core.TradeTo;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * households.csv: household_id, mode, trade_to, overriding `rebalance.mode` and
 * `rebalance.tradeTo` for the households it names. An empty cell keeps the config's value. A
 * household on two lines would be on two modes: an error naming both lines.
 */
public final class HouseholdFile {
  private HouseholdFile() {}

  /** The households' rules in file order. */
  public static List<HouseholdRules> households(String file, Reader in) {
    List<HouseholdRules> out = new ArrayList<>();
    Map<String, Long> lineOf = new HashMap<>();
    ReferenceRows.read(file, in, List.of("household_id", "mode", "trade_to"), row -> {
      String household = row.text("household_id");
      Long first = lineOf.putIfAbsent(household, row.line());
      if (first != null) {
        throw row.error("household " + household + " is listed twice (first on line " + first
            + "): a household has one mode");
      }
      out.add(new HouseholdRules(household,
          row.optionalLabel("mode", RebalanceMode::parse, RebalanceMode.labels()),
          row.optionalLabel("trade_to", TradeTo::parse, TradeTo.labels())));
    });
    return List.copyOf(out);
  }
}
