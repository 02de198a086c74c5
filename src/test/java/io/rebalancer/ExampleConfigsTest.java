package io.rebalancer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.rebalancer.config.ConfigLoader;
import io.rebalancer.config.PipelineConfig;
import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.Side;
import io.rebalancer.core.TradeOrder;
import io.rebalancer.core.UnplacedTrade;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The example configs of pipelines/ give the orders README "The example configs, and why they
 * give their orders" works out by hand: each symbol's total per side, per household, and the
 * unplaced trades.
 */
class ExampleConfigsTest {
  @Test
  void buyOnlyInvestsTheSpendableCashInProportionToTheDeficitsAndSellsNothing()
      throws IOException {
    assertThat(orders("buy-only-example"), is(Map.of(
        "SMITH_FAMILY BUY VTI", "12", "SMITH_FAMILY BUY VXUS", "124",
        "SMITH_FAMILY BUY BND", "109", "SMITH_FAMILY BUY BNDX", "149")));
  }

  @Test
  void bandEdgeBuysBackOnlyToTheBandsAndStillLiquidatesWhole() throws IOException {
    assertThat(orders("band-edge-example"), is(Map.of(
        "SMITH_FAMILY SELL AAPL", "150", "SMITH_FAMILY SELL MSFT", "40",
        "SMITH_FAMILY SELL SCHB", "1000", "SMITH_FAMILY BUY VXUS", "168",
        "SMITH_FAMILY BUY BND", "123", "SMITH_FAMILY BUY BNDX", "369")));
  }

  @Test
  void restrictedAccountsLeaveTheirSellsUnplacedAndTheirCashUnspent() throws IOException {
    RebalanceModel.Result run = run("account-restrictions-example");
    assertThat(orders(run), is(Map.of("SMITH_FAMILY SELL AAPL", "150",
        "SMITH_FAMILY BUY VXUS", "204", "SMITH_FAMILY BUY BND", "178",
        "SMITH_FAMILY BUY BNDX", "243")));
    assertThat(unplaced(run), is(Map.of(
        "SMITH_FAMILY SELL SCHB " + UnplacedTrade.NO_ACCOUNT_MAY_SELL, "1000",
        "SMITH_FAMILY SELL MSFT " + UnplacedTrade.NO_ACCOUNT_MAY_SELL, "40",
        "SMITH_FAMILY BUY BNDX " + UnplacedTrade.NO_CASH, "1")));
  }

  @Test
  void eachHouseholdFollowsItsOwnModeAndTradeTo() throws IOException {
    Map<String, String> orders = orders("households-example");
    orders.forEach((order, quantity) -> {
      if (order.startsWith("SMITH_TRUST")) {
        assertThat(order, order.startsWith("SMITH_TRUST BUY "), is(true)); // buy-only
      }
    });
    assertThat(orders.get("SMITH_FAMILY SELL AAPL"), is("150"));
    assertThat(orders.get("SMITH_FAMILY SELL MSFT"), is("40"));
  }

  @Test
  void aClassModelSellsItsOverweightClassFromItsLargestHoldingsAndBuysTheOthersBuySymbols()
      throws IOException {
    RebalanceModel.Result run = run("class-model-example");
    assertThat(orders(run), is(Map.of("SMITH_FAMILY SELL VTI", "252",
        "SMITH_FAMILY SELL SCHB", "5", "SMITH_FAMILY BUY VXUS", "494",
        "SMITH_FAMILY BUY BND", "432", "SMITH_FAMILY BUY BNDX", "592")));
    for (HouseholdPlan p : run.plans()) {
      for (TradeOrder o : p.orders()) {
        assertThat(o.reason(), o.reason().contains("asset class"), is(true));
      }
    }
  }

  @Test
  void taxLotsSellInTheIraFirstKeepTheShortTermGainAndReportEachLotsGain() throws IOException {
    RebalanceModel.Result run = run("tax-lots-example");
    List<String> sells = run.plans().stream().flatMap(p -> p.orders().stream())
        .filter(o -> o.side() == Side.SELL).map(o -> o.accountId() + " " + o.symbol() + " "
            + o.quantity().stripTrailingZeros().toPlainString()).toList();
    assertThat(sells, is(List.of("1234 AAPL 150", "5678 BND 900", "Z12345678 MSFT 40",
        "2203 SCHB 1000", "U1234567 BND 150")));
    assertThat(unplaced(run), is(Map.of(
        "SMITH_FAMILY SELL BND " + UnplacedTrade.SHORT_TERM_GAIN_AVOIDED, "250")));
    List<String> gains = run.plans().stream().flatMap(p -> p.realizedGains().stream())
        .map(g -> g.accountId() + " " + g.symbol() + " " + g.lotId() + " " + g.term().label()
            + " " + g.costBasis() + " " + g.proceeds() + " " + g.gain()).toList();
    assertThat(gains, is(List.of(
        "1234 AAPL All-Accounts-Positions-2026-11-20.csv:6 unknown 27400.00 22609.50 -4790.50",
        "5678 BND All-Accounts-Positions-2026-11-20.csv:12 unknown 67950.00 66708.00 -1242.00",
        "Z12345678 MSFT Portfolio_Positions_Nov-20-2026.csv:4 unknown 16400.00 22236.40 5836.40",
        "2203 SCHB  unknown null 37760.00 null",
        "U1234567 BND U1234567_20261120.csv:12 long 11077.50 11118.00 40.50")));
    // BNDX prefers tax-deferred accounts: the IRA buys it first, with its BND's proceeds
    assertThat(run.plans().get(0).orders().stream().filter(o -> o.symbol().equals("BNDX"))
        .map(o -> o.accountId() + " " + o.quantity()).toList(), is(List.of("5678 949",
            "12345678 90")));
  }

  private static RebalanceModel.Result run(String example) throws IOException {
    PipelineConfig config = ConfigLoader.load(Path.of("pipelines", example + ".yaml"));
    return RebalanceModel.run(config, config.runDate());
  }

  private static Map<String, String> orders(String example) throws IOException {
    return orders(run(example));
  }

  /** Quantity per "household SIDE symbol", summed over accounts. */
  private static Map<String, String> orders(RebalanceModel.Result run) {
    Map<String, BigDecimal> sum = new TreeMap<>();
    run.plans().forEach(p -> p.orders().forEach(o -> sum.merge(
        o.householdId() + " " + o.side() + " " + o.symbol(), o.quantity(), BigDecimal::add)));
    return plain(sum);
  }

  private static Map<String, String> unplaced(RebalanceModel.Result run) {
    Map<String, BigDecimal> sum = new TreeMap<>();
    run.plans().forEach(p -> p.unplaced().forEach(u -> sum.merge(
        u.householdId() + " " + u.side() + " " + u.symbol() + " " + u.reason(), u.quantity(),
        BigDecimal::add)));
    return plain(sum);
  }

  private static Map<String, String> plain(Map<String, BigDecimal> sums) {
    Map<String, String> out = new TreeMap<>();
    sums.forEach((k, v) -> out.put(k, v.stripTrailingZeros().toPlainString()));
    return out;
  }
}
