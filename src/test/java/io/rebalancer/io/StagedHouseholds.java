package io.rebalancer.io;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountAnalyzer;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.AfterTrades;
import io.rebalancer.core.Allocation;
import io.rebalancer.core.Holding;
import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.PriceSeries;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.Rebalancer;
import io.rebalancer.core.TargetWeight;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Households staged for a warehouse load as the pipeline stages them: the core analyses and
 * rebalances them (model A 0.5, B 0.4, CASH 0.1; A and B close at 10), and every row comes from
 * WarehouseRows. A household is written "HOUSEHOLD: account SYMBOL quantity ...; account ...",
 * every position at 10 and cash at 1, all at brokerage B1.
 */
final class StagedHouseholds {
  static final RebalanceRules RULES = RebalanceRules.defaults();
  static final Model MODEL = new Model("m", List.of(
      new TargetWeight("A", new BigDecimal("0.5")), new TargetWeight("B", new BigDecimal("0.4")),
      new TargetWeight("CASH", new BigDecimal("0.1"))));

  private StagedHouseholds() {}

  /** Stages the households' rows for a run date; edit rewrites each allocations row's cells. */
  static StagingArea stage(Path folder, LocalDate date, UnaryOperator<List<String>> edit,
      String... households) throws IOException {
    PriceBook prices = new PriceBook(List.of(close("A", date), close("B", date)));
    Map<String, List<String>> lines = new TreeMap<>();
    for (String spec : households) {
      String id = spec.substring(0, spec.indexOf(':'));
      List<AccountAnalysis> accounts = new ArrayList<>();
      for (String account : spec.substring(spec.indexOf(':') + 1).split(";")) {
        accounts.add(account(id, account.trim().split(" "), prices));
      }
      HouseholdPlan plan = new Rebalancer(RULES).rebalance(id, MODEL, accounts, prices);
      List<WarehouseRow> rows = new ArrayList<>();
      for (AccountAnalysis a : accounts) {
        a.positions().forEach(p -> rows.add(WarehouseRows.holding(date, a, p)));
        rows.add(WarehouseRows.metrics(date, a));
      }
      plan.orders().forEach(o -> rows.add(WarehouseRows.order(date, o)));
      plan.realizedGains().forEach(g -> rows.add(WarehouseRows.realizedGain(date, g)));
      List<Allocation> allocations = new ArrayList<>(plan.allocations());
      allocations.addAll(AfterTrades.accountAllocations(accounts, plan.orders(), MODEL, RULES));
      allocations.forEach(al -> rows.add(WarehouseRows.allocation(date, id, al)));
      for (WarehouseRow r : rows) {
        List<String> cells = r.table().equals("allocations") ? edit.apply(r.cells()) : r.cells();
        lines.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(StagedCsv.line(cells));
      }
    }
    StagingArea staging = StagingArea.create(folder, "run");
    Files.createDirectories(staging.tables());
    for (var e : lines.entrySet()) {
      Files.write(staging.tables().resolve(e.getKey() + "-part-00000-of-00001.csv"), e.getValue());
    }
    return staging;
  }

  static StagingArea stage(Path folder, LocalDate date, String... households) throws IOException {
    return stage(folder, date, UnaryOperator.identity(), households);
  }

  /** A successful run of the date that finished at the given time. */
  static RunRecord run(String id, LocalDate date, Instant finishedAt) {
    return new RunRecord(id, date, finishedAt.minusSeconds(5), finishedAt, "test",
        RunRecord.SUCCEEDED, 0, 0, 0, 0, 0, 0, "cfg", null, 0);
  }

  /** The first column of every row of a query, as text. */
  static List<String> query(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static AccountAnalysis account(String householdId, String[] parts, PriceBook prices) {
    List<Holding> rows = new ArrayList<>();
    for (int i = 1; i < parts.length; i += 2) {
      boolean cash = parts[i].equals("CASH");
      rows.add(new Holding("B1", parts[0], parts[i], new BigDecimal(parts[i + 1]),
          cash ? BigDecimal.ONE : BigDecimal.TEN, cash ? "CASH" : "EQUITY", cash, "B1",
          "/in/" + parts[0] + ".csv", i));
    }
    return AccountAnalyzer.analyze(new AccountInfo(new AccountKey("B1", parts[0]), householdId,
        "m", BigDecimal.ZERO), rows, prices);
  }

  private static PriceSeries close(String symbol, LocalDate date) {
    return new PriceSeries(symbol, List.of(new PricePoint(date, BigDecimal.TEN)));
  }
}
