package io.rebalancer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rebalancer.config.ConfigLoader;
import io.rebalancer.config.PipelineConfig;
import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.UnplacedTrade;
import io.rebalancer.io.StagingArea;
import io.rebalancer.io.TradeOrderCsv;
import io.rebalancer.transforms.DomainCoders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pipeline-equals-model test on the advisor book: a security master, class models, every
 * `trading` value and households on their own mode and trade-to. The pipeline writes the same
 * trade orders, byte for byte, and the same unplaced trades as the core run as plain Java.
 */
@ExtendWith(TestPipelineExtension.class)
class AdvisorPipelineMatchesModelTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);
  private static final long SEED = 20261201L;

  @TempDir Path dir;

  @ParameterizedTest(name = "wholeShares={0}, mode={1}, tradeTo={2}")
  @CsvSource({"true, bands, band-edge", "false, buy-only, target"})
  void pipelineWritesTheModelsOrdersAndUnplacedTrades(boolean wholeShares, String mode,
      String tradeTo, TestPipeline pipeline) throws IOException {
    DomainCoders.registerOn(pipeline);
    PipelineConfig config = ConfigLoader.load(RandomBook.writeAdvisor(dir.resolve("in"), SEED,
        RUN_DATE, wholeShares, mode, tradeTo));
    StagingArea staging = StagingArea.create(dir.resolve("out"), "advisor-matches-model");
    RebalanceModel.Result model = RebalanceModel.run(config, RUN_DATE);
    RebalancePipeline.Outputs outputs =
        RebalancePipeline.build(pipeline, config, RUN_DATE, staging, 3);
    PAssert.thatSingleton(outputs.plans().apply("CountPlans", Count.globally()))
        .isEqualTo((long) model.plans().size());
    PAssert.that(outputs.plans().apply("Unplaced", org.apache.beam.sdk.transforms.FlatMapElements
        .into(org.apache.beam.sdk.values.TypeDescriptors.strings())
        .via((HouseholdPlan p) -> p.unplaced().stream().map(String::valueOf).toList())))
        .containsInAnyOrder(model.plans().stream().flatMap(p -> p.unplaced().stream())
            .map(String::valueOf).toList());
    pipeline.run().waitUntilFinish();

    String pipelineCsv = Files.readString(staging.mergedOrders(RUN_DATE), StandardCharsets.UTF_8);
    assertEquals(model.tradeOrdersCsv(), pipelineCsv);
    assertTheBookExercisesTheAdvisorsRules(model);

    Path warehouse = dir.resolve("warehouse.duckdb");
    ModelWarehouse.load(warehouse, staging, model, RUN_DATE);
    // the holdings carry the master's classes; the sweep fund's cash rows stay cash
    Set<String> expected = new TreeSet<>(List.of("CASH=CASH cash", "VMFXX=CASH cash"));
    RandomBook.advisorMaster().forEach((symbol, assetClass) -> {
      if (!symbol.equals("VMFXX")) {
        expected.add(symbol + "=" + assetClass);
      }
    });
    assertEquals(expected, ModelWarehouse.values(warehouse, "SELECT DISTINCT symbol || '='"
        + " || asset_class || CASE WHEN is_cash THEN ' cash' ELSE '' END FROM holdings"
        + " WHERE symbol <> 'MSFT'"));
  }

  /** Guards the fixture: every new rule must show in what the model produced. */
  private static void assertTheBookExercisesTheAdvisorsRules(RebalanceModel.Result model) {
    List<List<String>> rows = Arrays.stream(model.tradeOrdersCsv().split("\r\n")).skip(1)
        .filter(l -> !l.isEmpty()).map(l -> Arrays.asList(l.split(",", -1))).toList();
    int reason = TradeOrderCsv.HEADER.indexOf("reason");
    assertThat(rows.size(), greaterThan(40));
    Set<String> reasons = rows.stream().map(r -> r.get(reason).replaceAll("asset class .*",
        "asset class")).collect(Collectors.toCollection(TreeSet::new));
    assertThat(reasons, hasItems("underweight", "underweight: asset class"));
    Set<String> unplaced = model.plans().stream().flatMap(p -> p.unplaced().stream())
        .map(UnplacedTrade::reason).collect(Collectors.toCollection(TreeSet::new));
    assertThat(unplaced, hasItems(UnplacedTrade.NO_ACCOUNT_MAY_SELL));
  }
}
