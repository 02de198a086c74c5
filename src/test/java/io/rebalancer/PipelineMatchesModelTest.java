package io.rebalancer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.stream.Collectors;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nexmark's queryMatchesModel: the whole pipeline on a random (seeded) book of inputs writes the
 * same trade-orders file, byte for byte, as the core run as plain Java on the same files, and its
 * warehouse rows load with every check passing.
 */
@ExtendWith(TestPipelineExtension.class)
class PipelineMatchesModelTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);
  private static final long SEED = 20261120L;

  @TempDir Path dir;

  @ParameterizedTest(name = "wholeShares={0}")
  @ValueSource(booleans = {true, false})
  void pipelineWritesTheModelsTradeOrders(boolean wholeShares, TestPipeline pipeline)
      throws IOException {
    DomainCoders.registerOn(pipeline);
    PipelineConfig config = RandomBook.write(dir.resolve("in"), SEED, RUN_DATE,
        RandomBook.rules(wholeShares), 5);
    StagingArea staging = StagingArea.create(dir.resolve("out"), "matches-model");
    RebalanceModel.Result model = RebalanceModel.run(config, RUN_DATE);
    RebalancePipeline.Outputs outputs =
        RebalancePipeline.build(pipeline, config, RUN_DATE, staging, 3);
    PAssert.that(outputs.ordersFile())
        .containsInAnyOrder(staging.mergedOrders(RUN_DATE).toString());
    PAssert.thatSingleton(outputs.plans().apply("CountPlans", Count.globally()))
        .isEqualTo((long) model.plans().size());
    PAssert.thatSingleton(outputs.rejected().apply("CountRejected", Count.globally()))
        .isEqualTo((long) model.rejected().size());
    pipeline.run().waitUntilFinish();

    String pipelineCsv = Files.readString(staging.mergedOrders(RUN_DATE), StandardCharsets.UTF_8);
    assertEquals(lines(model.tradeOrdersCsv()), lines(pipelineCsv));
    assertEquals(model.tradeOrdersCsv(), pipelineCsv); // line ends too: byte for byte

    assertTheBookExercisesTheRules(model, wholeShares);
    ModelWarehouse.load(dir.resolve("warehouse.duckdb"), staging, model, RUN_DATE);
  }

  /** Guards the fixture: a model that trades nothing would make the comparison worthless. */
  private static void assertTheBookExercisesTheRules(RebalanceModel.Result model,
      boolean wholeShares) {
    List<List<String>> rows = lines(model.tradeOrdersCsv()).stream().skip(1)
        .filter(l -> !l.isEmpty()).map(l -> Arrays.asList(l.split(",", -1))).toList();
    int symbol = TradeOrderCsv.HEADER.indexOf("symbol");
    int side = TradeOrderCsv.HEADER.indexOf("side");
    int quantity = TradeOrderCsv.HEADER.indexOf("quantity");
    int reason = TradeOrderCsv.HEADER.indexOf("reason");
    assertThat(rows.size(), greaterThan(60));
    assertThat(rows.stream().map(r -> r.get(side)).collect(Collectors.toSet()),
        is(Set.of("SELL", "BUY")));
    assertThat(rows.stream().map(r -> r.get(symbol) + ":" + r.get(reason)).toList(),
        hasItems("MSFT:liquidate: not in model", "BND:underweight"));
    Set<String> traded = rows.stream().map(r -> r.get(symbol)).collect(Collectors.toSet());
    assertThat(traded, not(hasItem("AAPL"))); // restricted, though in no model
    assertThat(traded, not(hasItem("BNDX"))); // restricted, though in the income model
    long fractionalBuys = rows.stream()
        .filter(r -> r.get(side).equals("BUY") && r.get(quantity).contains(".")).count();
    assertThat(fractionalBuys > 0, is(!wholeShares));
    assertThat(model.plans().size(), greaterThan(35));
    assertThat(model.plans().stream().map(HouseholdPlan::status).collect(Collectors.toSet()),
        hasItems(HouseholdPlan.Status.REBALANCED, HouseholdPlan.Status.WITHIN_TOLERANCE));
    assertThat(model.plans().stream().flatMap(p -> p.unplaced().stream())
        .map(u -> u.symbol() + ":" + u.reason()).toList(),
        hasItem("SCHD:" + UnplacedTrade.NO_PRICE));
    assertThat(model.rejected().size(), is(2));
  }

  private static List<String> lines(String csv) {
    return Arrays.asList(csv.split("\r\n", -1));
  }
}
