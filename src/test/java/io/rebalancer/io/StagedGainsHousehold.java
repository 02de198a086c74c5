package io.rebalancer.io;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.AccountType;
import io.rebalancer.core.Position;
import io.rebalancer.core.RealizedGain;
import io.rebalancer.core.Side;
import io.rebalancer.core.TradeOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Households whose sells took lots, staged for a warehouse load with every row from
 * WarehouseRows (holdings, metrics, orders, realized_gains; the lot selection is the rebalancer's
 * subject, not this file's). Run date 2026-11-20, every price 100.
 * <ul>
 *   <li>G, taxable B1/t1: VTI 30 in lots L1 (10 for 1200, opened 2026-11-01), L2 (10 for 800,
 *       2024-01-02), L3 (8 for 400, no date); sells 25: L1 whole (short, -200.00, a wash-sale
 *       risk: a loss with a lot opened 19 days ago), L2 whole (long, +200.00), 5 of L3 (cost
 *       250.00, unknown term, +250.00). Taxable B1/t2: XUS 3 without lots, sold whole (its
 *       remainder: unknown basis). Tax-deferred B1/i1: VTI 10 in lot L4 (10 for 500,
 *       2025-06-01), sold whole (long, +500.00, not taxed now). G's estimate: short -200.00,
 *       long 200.00, unknown term 250.00, in all 250.00; 3 shares of unknown basis; 1 wash-sale
 *       risk. 4 lots of known basis sold.
 *   <li>N, taxable B1/n1: VTI 4 without lots, sold whole: unknown basis only, so no estimate.
 * </ul>
 */
public final class StagedGainsHousehold {
  public static final LocalDate D = LocalDate.of(2026, 11, 20);
  static final TradeOrder T1_VTI = sell("G", "t1", "VTI", 25);
  static final TradeOrder T2_XUS = sell("G", "t2", "XUS", 3);
  static final TradeOrder I1_VTI = sell("G", "i1", "VTI", 10);
  static final TradeOrder N1_VTI = sell("N", "n1", "VTI", 4);

  private StagedGainsHousehold() {}

  /** The lots G's and N's sells took, in order then selection order. */
  public static List<RealizedGain> gains() {
    return List.of(
        SoldLots.lot(T1_VTI, AccountType.TAXABLE, "L1", LocalDate.of(2026, 11, 1), D, "10", "10",
            "1200", true),
        SoldLots.lot(T1_VTI, AccountType.TAXABLE, "L2", LocalDate.of(2024, 1, 2), D, "10", "10",
            "800", false),
        SoldLots.lot(T1_VTI, AccountType.TAXABLE, "L3", null, D, "5", "8", "400", false),
        SoldLots.remainder(T2_XUS),
        SoldLots.lot(I1_VTI, AccountType.TAX_DEFERRED, "L4", LocalDate.of(2025, 6, 1), D, "10",
            "10", "500", false),
        SoldLots.remainder(N1_VTI));
  }

  /** Stages G and N; edit rewrites the staged rows (each a table and its cells) as a whole. */
  public static StagingArea stage(Path folder, UnaryOperator<List<WarehouseRow>> edit)
      throws IOException {
    List<WarehouseRow> rows = new ArrayList<>();
    for (AccountAnalysis a : List.of(account("G", "t1", "VTI", 30), account("G", "t2", "XUS", 3),
        account("G", "i1", "VTI", 10), account("N", "n1", "VTI", 4))) {
      a.positions().forEach(p -> rows.add(WarehouseRows.holding(D, a, p)));
      rows.add(WarehouseRows.metrics(D, a));
    }
    for (TradeOrder o : List.of(T1_VTI, T2_XUS, I1_VTI, N1_VTI)) {
      rows.add(WarehouseRows.order(D, o));
    }
    gains().forEach(g -> rows.add(WarehouseRows.realizedGain(D, g)));
    Map<String, List<String>> lines = new TreeMap<>();
    for (WarehouseRow r : edit.apply(rows)) {
      lines.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(StagedCsv.line(r.cells()));
    }
    StagingArea staging = StagingArea.create(folder, "run");
    Files.createDirectories(staging.tables());
    for (var e : lines.entrySet()) {
      Files.write(staging.tables().resolve(e.getKey() + "-part-00000-of-00001.csv"), e.getValue());
    }
    return staging;
  }

  private static AccountAnalysis account(String householdId, String id, String symbol,
      int quantity) {
    BigDecimal value = BigDecimal.valueOf(quantity * 100L);
    return new AccountAnalysis(new AccountKey("B1", id), householdId, "m", BigDecimal.ZERO,
        value, BigDecimal.ZERO, value, 1, null, null, null, null, List.of(new Position(symbol,
            "EQUITY", BigDecimal.valueOf(quantity), BigDecimal.valueOf(100), value, false)));
  }

  private static TradeOrder sell(String householdId, String account, String symbol,
      int quantity) {
    return new TradeOrder(householdId, "B1", account, symbol, Side.SELL,
        BigDecimal.valueOf(quantity), BigDecimal.valueOf(100), BigDecimal.ZERO, BigDecimal.ZERO,
        "liquidate: not in model");
  }
}
