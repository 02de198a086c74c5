package io.rebalancer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rebalancer.config.ConfigLoader;
import io.rebalancer.config.PipelineConfig;
import io.rebalancer.core.AccountType;
import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.LotTerm;
import io.rebalancer.core.RealizedGain;
import io.rebalancer.core.UnplacedTrade;
import io.rebalancer.io.StagingArea;
import io.rebalancer.transforms.DomainCoders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pipeline-equals-model test on the advisor book with tax lots: lots.csv over most holdings,
 * accounts of every tax type, preferred account types, taxAware, with and without short-term
 * gain avoidance. The pipeline writes the same trade orders, byte for byte, the same unplaced
 * trades and the same realised gains as the core run as plain Java, and its warehouse rows pass
 * every check.
 */
@ExtendWith(TestPipelineExtension.class)
class TaxAwarePipelineMatchesModelTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);
  private static final long SEED = 20261213L;

  @TempDir Path dir;

  @ParameterizedTest(name = "wholeShares={0}, avoidShortTermGains={1}")
  @CsvSource({"true, true", "false, false"})
  void pipelineWritesTheModelsOrdersUnplacedTradesAndRealisedGains(boolean wholeShares,
      boolean avoid, TestPipeline pipeline) throws IOException {
    DomainCoders.registerOn(pipeline);
    PipelineConfig config = ConfigLoader.load(RandomBook.writeTaxAware(dir.resolve("in"), SEED,
        RUN_DATE, wholeShares, avoid));
    StagingArea staging = StagingArea.create(dir.resolve("out"), "tax-matches-model");
    RebalanceModel.Result model = RebalanceModel.run(config, RUN_DATE);
    RebalancePipeline.Outputs outputs =
        RebalancePipeline.build(pipeline, config, RUN_DATE, staging, 3);
    PAssert.that(outputs.plans().apply("Unplaced", FlatMapElements
        .into(TypeDescriptors.strings())
        .via((HouseholdPlan p) -> p.unplaced().stream().map(String::valueOf).toList())))
        .containsInAnyOrder(model.plans().stream().flatMap(p -> p.unplaced().stream())
            .map(String::valueOf).toList());
    // each household's gains in the order its sells took the lots
    PAssert.that(outputs.plans().apply("Gains", FlatMapElements
        .into(TypeDescriptors.strings())
        .via((HouseholdPlan p) -> List.of(p.realizedGains().toString()))))
        .containsInAnyOrder(model.plans().stream().map(p -> p.realizedGains().toString())
            .toList());
    pipeline.run().waitUntilFinish();

    String pipelineCsv = Files.readString(staging.mergedOrders(RUN_DATE), StandardCharsets.UTF_8);
    assertEquals(model.tradeOrdersCsv(), pipelineCsv);
    assertTheBookExercisesTheTaxRules(model, avoid);
    ModelWarehouse.load(dir.resolve("warehouse.duckdb"), staging, model, RUN_DATE);
  }

  /** Guards the fixture: every rule must show in what the model produced. */
  private static void assertTheBookExercisesTheTaxRules(RebalanceModel.Result model,
      boolean avoid) {
    List<RealizedGain> gains = model.plans().stream()
        .flatMap(p -> p.realizedGains().stream()).toList();
    assertThat(gains.size(), greaterThan(40));
    Set<String> kinds = gains.stream().map(g -> g.term().label()
        + (g.gain() == null ? " unknown basis" : g.gain().signum() < 0 ? " loss" : " gain")
        + (g.washSaleRisk() ? " wash" : "") + (g.taxable() ? "" : " untaxed"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(kinds, hasItems("short gain untaxed", "short loss wash", "long gain",
        "long loss", "long loss wash", "unknown unknown basis"));
    if (!avoid) {
      assertThat(kinds, hasItems("short gain"));
    }
    assertThat(gains.stream().map(RealizedGain::accountType).collect(Collectors.toSet()),
        hasItems(AccountType.TAXABLE, AccountType.TAX_DEFERRED, AccountType.TAX_EXEMPT));
    if (avoid) {
      Set<String> reasons = model.plans().stream().flatMap(p -> p.unplaced().stream())
          .map(UnplacedTrade::reason).collect(Collectors.toSet());
      assertThat(reasons, hasItems(UnplacedTrade.SHORT_TERM_GAIN_AVOIDED));
      assertThat(gains.stream().filter(g -> g.taxable() && g.term() == LotTerm.SHORT
          && g.gain() != null && g.gain().signum() > 0).count(), org.hamcrest.Matchers.is(0L));
    }
  }
}
