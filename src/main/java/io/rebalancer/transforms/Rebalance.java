package io.rebalancer.transforms;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AfterTrades;
import io.rebalancer.core.Allocation;
import io.rebalancer.core.ClassAllocation;
import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.Model;
import io.rebalancer.core.ModelLookup;
import io.rebalancer.core.RealizedGain;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.Rebalancer;
import io.rebalancer.core.RunSummary;
import io.rebalancer.core.TradeOrder;
import io.rebalancer.core.UnplacedTrade;
import io.rebalancer.io.RowBlock;
import io.rebalancer.io.WarehouseRow;
import io.rebalancer.io.WarehouseRows;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Combines accounts into households and rebalances each against its model: orders placed on
 * accounts, unplaced trades, the household's and its accounts' allocations (the post-trade
 * weights need the orders). A global combine sums the run's summary.
 */
public final class Rebalance extends PTransform<PCollection<AccountAnalysis>, PCollectionTuple> {
  public static final TupleTag<HouseholdPlan> PLANS = new TupleTag<>() {};
  public static final TupleTag<RunSummary> SUMMARY = new TupleTag<>() {};
  /** Orders, unplaced trades, realised gains, allocations and the run summary, as rows. */
  public static final TupleTag<RowBlock> ROWS = new TupleTag<>() {};

  private final ReferenceData reference;
  private final RebalanceRules rules;
  private final LocalDate runDate;
  private final int buckets;

  private Rebalance(ReferenceData reference, RebalanceRules rules, LocalDate runDate,
      int buckets) {
    this.reference = reference;
    this.rules = rules;
    this.runDate = runDate;
    this.buckets = buckets;
  }

  /** @param buckets how many key buckets households are grouped in (see {@link GroupInBuckets}) */
  public static Rebalance with(ReferenceData reference, RebalanceRules rules, LocalDate runDate,
      int buckets) {
    return new Rebalance(reference, rules, runDate, buckets);
  }

  @Override
  public PCollectionTuple expand(PCollection<AccountAnalysis> accounts) {
    PCollectionTuple planned = accounts
        .apply("GroupByHousehold", GroupInBuckets.by(AccountAnalysis::householdId,
            StringUtf8Coder.of(), (a, b) -> a.key().compareTo(b.key()), buckets))
        .apply("RebalanceHousehold", ParDo.of(new RebalanceHousehold(reference, rules, runDate))
            .withSideInputs(reference.views())
            .withOutputTags(PLANS, TupleTagList.of(ROWS)));
    LocalDate date = runDate;
    PCollection<RunSummary> summary = planned.get(PLANS)
        .apply("SummarizeHouseholds", MapElements.into(TypeDescriptor.of(RunSummary.class))
            .via(RunSummary::of))
        .apply("SummarizeRun", Combine.globally(Rebalance::sum));
    PCollection<RowBlock> summaryRow = summary.apply("SummaryRow",
        MapElements.into(TypeDescriptor.of(RowBlock.class))
            .via(s -> RowBlock.of(WarehouseRows.runSummary(date, s))));
    return PCollectionTuple.of(PLANS, planned.get(PLANS))
        .and(SUMMARY, summary)
        .and(ROWS, PCollectionList.of(planned.get(ROWS)).and(summaryRow)
            .apply("WarehouseRows", Flatten.pCollections()));
  }

  private static RunSummary sum(Iterable<RunSummary> parts) {
    RunSummary total = RunSummary.EMPTY;
    for (RunSummary s : parts) {
      total = total.plus(s);
    }
    return total;
  }

  static final class RebalanceHousehold
      extends EmitsRowBlocks<KV<String, List<AccountAnalysis>>, HouseholdPlan> {
    private final ReferenceData reference;
    private final RebalanceRules rules;
    private final LocalDate runDate;
    private transient ReferenceData.Values values;

    RebalanceHousehold(ReferenceData reference, RebalanceRules rules, LocalDate runDate) {
      super(ROWS);
      this.reference = reference;
      this.rules = rules;
      this.runDate = runDate;
    }

    @ProcessElement
    public void process(@Element KV<String, List<AccountAnalysis>> household,
        MultiOutputReceiver out, ProcessContext c) {
      List<AccountAnalysis> accounts = household.getValue();
      if (values == null) {
        values = reference.read(c);
      }
      Model model = ModelLookup.ofHousehold(household.getKey(), accounts, values.models());
      // households.csv's mode and trade-to for this household, where it names them
      RebalanceRules own = values.rulesOf(household.getKey(), rules);
      HouseholdPlan plan = new Rebalancer(own, runDate, values.securities())
          .rebalance(household.getKey(), model, accounts, values.prices());
      out.get(PLANS).output(plan);
      RunMetrics.HOUSEHOLDS.inc();
      RunMetrics.ORDERS.inc(plan.orders().size());
      RunMetrics.UNPLACED_TRADES.inc(plan.unplaced().size());
      emitRows(plan, model, accounts, own, rows(out));
    }

    private void emitRows(HouseholdPlan plan, Model model, List<AccountAnalysis> accounts,
        RebalanceRules own, Consumer<WarehouseRow> rows) {
      for (TradeOrder o : plan.orders()) {
        rows.accept(WarehouseRows.order(runDate, o));
      }
      for (UnplacedTrade u : plan.unplaced()) {
        rows.accept(WarehouseRows.unplaced(runDate, u));
      }
      for (RealizedGain g : plan.realizedGains()) {
        rows.accept(WarehouseRows.realizedGain(runDate, g));
      }
      for (Allocation al : plan.allocations()) {
        rows.accept(WarehouseRows.allocation(runDate, plan.householdId(), al));
      }
      // every account of a household follows the household's model (ModelLookup.ofHousehold)
      for (Allocation al : AfterTrades.accountAllocations(accounts, plan.orders(), model, own)) {
        rows.accept(WarehouseRows.allocation(runDate, plan.householdId(), al));
      }
      if (!model.byClass()) {
        WarehouseRows.assetClasses(runDate, Allocation.HOUSEHOLD, plan.householdId(),
            plan.householdId(), AccountAnalysis.valuesByAssetClass(accounts), plan.totalValue())
            .forEach(rows);
        return;
      }
      // On a class model the classes are what is traded: their rows carry the targets, and the
      // accounts' too, which AnalyzePortfolios leaves to this step as it has no orders.
      WarehouseRows.classAllocations(runDate, plan.householdId(), ClassAllocation.ofHousehold(
          plan.householdId(), model, accounts, plan.totalValue(), plan.orders(), rules),
          plan.totalValue()).forEach(rows);
      for (AccountAnalysis a : accounts) {
        WarehouseRows.classAllocations(runDate, plan.householdId(), ClassAllocation.ofAccount(
            a, accounts, plan.orders(), model, rules), a.totalValue()).forEach(rows);
      }
    }
  }
}
