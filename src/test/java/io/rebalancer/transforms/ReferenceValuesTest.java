package io.rebalancer.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.rebalancer.core.HouseholdRules;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.RebalanceMode;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.SecurityMaster;
import io.rebalancer.core.TradeTo;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules RebalanceHousehold hands the Rebalancer: the config's, with households.csv's own. */
class ReferenceValuesTest {
  private static final RebalanceRules CONFIG = RebalanceRules.defaults()
      .forHousehold(new HouseholdRules("any", RebalanceMode.BANDS, TradeTo.BAND_EDGE));

  @Test
  void aHouseholdNamedByTheFileGetsItsModeAndKeepsTheConfigsOtherRules() {
    ReferenceData.Values values = new ReferenceData.Values(Map.of(), PriceBook.empty(),
        SecurityMaster.EMPTY, Map.of(
            "SMITH", new HouseholdRules("SMITH", RebalanceMode.BUY_ONLY, null),
            "JONES", new HouseholdRules("JONES", null, TradeTo.TARGET)));

    RebalanceRules smith = values.rulesOf("SMITH", CONFIG);
    assertThat(smith.mode(), is(RebalanceMode.BUY_ONLY));
    assertThat(smith.tradeTo(), is(TradeTo.BAND_EDGE)); // empty cell: the config's
    assertThat(smith.absoluteBand(), is(CONFIG.absoluteBand()));
    RebalanceRules jones = values.rulesOf("JONES", CONFIG);
    assertThat(jones.mode(), is(RebalanceMode.BANDS));
    assertThat(jones.tradeTo(), is(TradeTo.TARGET));
    assertThat(values.rulesOf("LEE", CONFIG), is(CONFIG)); // not in the file
  }
}
