package io.rebalancer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rebalancer.io.RunRecord;
import io.rebalancer.io.StagingArea;
import io.rebalancer.io.Warehouse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The pipeline-equals-model tests' warehouse: the pipeline's staged rows, loaded for real. */
final class ModelWarehouse {
  private ModelWarehouse() {}

  /**
   * Loads the staged rows into a warehouse at file, where they must pass every data-quality check
   * (the load runs them), and checks that each household's post-trade weights are the model's.
   */
  static void load(Path file, StagingArea staging, RebalanceModel.Result model,
      LocalDate runDate) {
    Map<String, Double> expected = new TreeMap<>();
    model.plans().forEach(p -> p.allocations().forEach(a -> expected.put(
        a.scopeId() + " " + a.symbol(), a.postTradeWeight().doubleValue())));
    try (Warehouse w = Warehouse.open(file)) {
      w.loadRun(runDate, staging, new RunRecord("matches-model", runDate, Instant.now(),
          Instant.now(), "test", RunRecord.SUCCEEDED, 0, 0, 0, 0, 0, 0, "cfg", null, 0));
    }
    assertEquals(expected, query(file, "SELECT scope_id || ' ' || symbol, post_trade_weight"
        + " FROM allocations WHERE scope = 'household'"));
  }

  /** A one-column query's values. */
  static Set<String> values(Path file, String sql) {
    Set<String> out = new TreeSet<>();
    try (Warehouse w = Warehouse.open(file);
        Statement s = w.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  /** A two-column query's rows as a map, the second column as a double. */
  static Map<String, Double> query(Path file, String sql) {
    Map<String, Double> out = new TreeMap<>();
    try (Warehouse w = Warehouse.open(file);
        Statement s = w.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getDouble(2));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return out;
  }
}
