package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountType;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Allocation;
import io.rebalancer.core.ClassAllocation;
import io.rebalancer.core.LotTerm;
import io.rebalancer.core.Position;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.RealizedGain;
import io.rebalancer.core.RealizedGainTotals;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.RunSummary;
import io.rebalancer.core.Side;
import io.rebalancer.core.SourceTally;
import io.rebalancer.core.TradeOrder;
import io.rebalancer.core.UnplacedTrade;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The staged cells of every table, as the pipeline's transforms produce them. */
class WarehouseRowsTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 20);
  private static final Position VTI = new Position("VTI", "EQUITY", new BigDecimal("10.5"),
      new BigDecimal("250.125"), new BigDecimal("2626.3125"), false);
  private static final AccountAnalysis ACCOUNT = new AccountAnalysis(new AccountKey("B1", "A-1"),
      "H1", "growth", new BigDecimal("100"), new BigDecimal("2726.3125"), new BigDecimal("100"),
      new BigDecimal("2626.3125"), 1, 1.0, 0.1234, 0.05, 5, List.of(VTI));
  private static final AccountAnalysis NO_RISK = new AccountAnalysis(new AccountKey("B1", "A-2"),
      "H1", "growth", BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, 0, null,
      null, null, null, List.of());

  private static List<String> cells(String... cells) {
    return Arrays.asList(cells);
  }

  @Test
  void everyFactoryRendersItsTableCellsInColumnOrder() {
    assertThat(WarehouseRows.holding(D, ACCOUNT, VTI), is(new WarehouseRow("holdings", cells(
        "2026-11-20", "B1", "A-1", "H1", "VTI", "EQUITY", "10.5000000000", "250.1250000000",
        "2626.3125000000", "false"))));
    assertThat(WarehouseRows.metrics(D, ACCOUNT), is(new WarehouseRow("portfolio_metrics", cells(
        "2026-11-20", "B1", "A-1", "H1", "growth", "2726.3125000000", "100.0000000000",
        "2626.3125000000", "1", "1.0", "0.1234", "0.05", "5", "100.0000000000"))));
    assertThat(WarehouseRows.metrics(D, NO_RISK).cells(), is(cells("2026-11-20", "B1", "A-2",
        "H1", "growth", "1.0000000000", "1.0000000000", "0.0000000000", "0", null, null, null, null,
        "0.0000000000")));
    Allocation al = new Allocation("household", "H1", "VTI", new BigDecimal("2626.3125"),
        new BigDecimal("0.25"), new BigDecimal("0.3"), new BigDecimal("-0.05"), true,
        new BigDecimal("0.2875"));
    assertThat(WarehouseRows.allocation(D, "H1", al), is(new WarehouseRow("allocations", cells(
        "2026-11-20", "household", "H1", "H1", "VTI", "2626.3125000000", "0.25", "0.3", "-0.05",
        "true", "0.2875"))));
    TreeMap<String, BigDecimal> classes = new TreeMap<>();
    classes.put("CASH", new BigDecimal("100"));
    classes.put("EQUITY", new BigDecimal("300"));
    assertThat(WarehouseRows.assetClasses(D, "account", "B1/A-1", "H1", classes,
        new BigDecimal("400")), is(List.of(
            new WarehouseRow("asset_class_allocations", cells("2026-11-20", "account", "B1/A-1",
                "H1", "CASH", "100.0000000000", "0.25", null, null, null, null)),
            new WarehouseRow("asset_class_allocations", cells("2026-11-20", "account", "B1/A-1",
                "H1", "EQUITY", "300.0000000000", "0.75", null, null, null, null)))));
    // a class of a class model: its target, drift, band and post-trade weight
    ClassAllocation bonds = new ClassAllocation("household", "H1", "BOND", new BigDecimal("100"),
        new BigDecimal("0.25"), new BigDecimal("0.3"), new BigDecimal("-0.05"), false,
        new BigDecimal("0.3125"));
    assertThat(WarehouseRows.classAllocations(D, "H1", List.of(bonds), new BigDecimal("400")),
        is(List.of(new WarehouseRow("asset_class_allocations", cells("2026-11-20", "household",
            "H1", "H1", "BOND", "100.0000000000", "0.25", "0.3", "-0.05", "false", "0.3125")))));
    // a symbol of a class model has no target of its own
    Allocation ofClassModel = new Allocation("household", "H1", "BND", new BigDecimal("100"),
        new BigDecimal("0.25"), null, null, false, new BigDecimal("0.3125"));
    assertThat(WarehouseRows.allocation(D, "H1", ofClassModel).cells(), is(cells("2026-11-20",
        "household", "H1", "H1", "BND", "100.0000000000", "0.25", null, null, "false",
        "0.3125")));
    TradeOrder o = new TradeOrder("H1", "B1", "A-1", "VTI", Side.BUY, new BigDecimal("3"),
        new BigDecimal("250.125"), new BigDecimal("0.2"), new BigDecimal("0.3"), "drift");
    assertThat(WarehouseRows.order(D, o), is(new WarehouseRow("trade_orders", cells("2026-11-20",
        o.orderId(D), "H1", "B1", "A-1", "VTI", "BUY", "3.0000000000", "250.1250000000",
        o.estimatedAmount().toPlainString(), "0.200000", "0.300000", "drift"))));
    assertThat(WarehouseRows.unplaced(D, new UnplacedTrade("H1", "XYZ", Side.BUY, null,
        UnplacedTrade.NO_PRICE)), is(new WarehouseRow("unplaced_trades", cells("2026-11-20", "H1",
            "XYZ", "BUY", null, "no price"))));
    assertThat(WarehouseRows.rejected(D, new RejectedRow("S1", "file:/x.csv", 7, "bad price",
        "a,b")), is(new WarehouseRow("rejected_records", cells("2026-11-20", "S1", "file:/x.csv",
            "7", "bad price", "a,b"))));
    assertThat(WarehouseRows.sourceCount(D, new SourceTally("S1", 1, 10, 8, 9, 1)),
        is(new WarehouseRow("source_counts", cells("2026-11-20", "S1", "1", "10", "8", "9",
            "1"))));
    assertThat(WarehouseRows.runSummary(D, new RunSummary(1, 2, 1, 0, 3, 4, 0,
        new BigDecimal("10.5"), new BigDecimal("20"), new BigDecimal("3000.25"))),
        is(new WarehouseRow("run_summary", cells("2026-11-20", "1", "2", "1", "0", "3", "4", "0",
            "10.5000000000", "20.0000000000", "3000.2500000000", "0.0000000000",
            "0.0000000000", "0.0000000000", "0", "0"))));
    assertThat(WarehouseRows.runSummary(D, new RunSummary(1, 2, 1, 0, 3, 4, 0,
        new BigDecimal("10.5"), new BigDecimal("20"), new BigDecimal("3000.25"),
        new RealizedGainTotals(new BigDecimal("12.34"), new BigDecimal("-5.5"),
            new BigDecimal("0.01"), 2, 7))).cells().subList(11, 16),
        is(List.of("12.3400000000", "-5.5000000000", "0.0100000000", "2", "7")));
    RealizedGain lot = new RealizedGain("H1", "B1", "A-1", AccountType.TAX_DEFERRED, "VTI",
        "lots.csv:3", LocalDate.of(2025, 3, 14), new BigDecimal("2.5"), new BigDecimal("500.10"),
        new BigDecimal("625.31"), new BigDecimal("125.21"), LotTerm.SHORT, true);
    assertThat(WarehouseRows.realizedGain(D, lot), is(new WarehouseRow("realized_gains",
        cells("2026-11-20", lot.orderId(D), "H1", "B1", "A-1", "tax-deferred", "VTI",
            "lots.csv:3", "2025-03-14", "2.5000000000", "500.10", "625.31", "125.21", "short",
            "true"))));
    RealizedGain rest = new RealizedGain("H1", "B1", "A-1", AccountType.TAXABLE, "VTI", "",
        null, new BigDecimal("1"), null, new BigDecimal("250.1"), null, LotTerm.UNKNOWN, false);
    assertThat(WarehouseRows.realizedGain(D, rest).cells(), is(cells("2026-11-20",
        rest.orderId(D), "H1", "B1", "A-1", "taxable", "VTI", "", null, "1.0000000000", null,
        "250.10", null, "unknown", "false")));
    assertThat(WarehouseRows.price("VTI", new PricePoint(D, new BigDecimal("250.1"))),
        is(new WarehouseRow("prices", cells("2026-11-20", "VTI", "250.1000000000"))));
  }
}
