package io.rebalancer.transforms;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountAnalyzer;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Allocation;
import io.rebalancer.core.Holding;
import io.rebalancer.core.InputException;
import io.rebalancer.core.Model;
import io.rebalancer.core.Position;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.io.WarehouseRow;
import io.rebalancer.io.WarehouseRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The per-account analysis: holdings grouped by (brokerage, account), then value, cash,
 * concentration and risk of each account. Side output: the account's warehouse rows (holdings,
 * metrics, allocations).
 */
public final class AnalyzePortfolios extends PTransform<PCollection<Holding>, PCollectionTuple> {
  public static final TupleTag<AccountAnalysis> ACCOUNTS = new TupleTag<>() {};
  public static final TupleTag<WarehouseRow> ROWS = new TupleTag<>() {};

  private final ReferenceData reference;
  private final RebalanceRules rules;
  private final LocalDate runDate;

  private AnalyzePortfolios(ReferenceData reference, RebalanceRules rules, LocalDate runDate) {
    this.reference = reference;
    this.rules = rules;
    this.runDate = runDate;
  }

  public static AnalyzePortfolios with(ReferenceData reference, RebalanceRules rules,
      LocalDate runDate) {
    return new AnalyzePortfolios(reference, rules, runDate);
  }

  @Override
  public PCollectionTuple expand(PCollection<Holding> holdings) {
    return holdings
        .apply("KeyByAccount", WithKeys.of(Holding::account)
            .withKeyType(TypeDescriptor.of(AccountKey.class)))
        .apply("GroupByAccount", GroupByKey.create())
        .apply("AnalyzeAccount", ParDo.of(new AnalyzeAccount(reference, rules, runDate))
            .withSideInputs(reference.accounts(), reference.models(), reference.prices())
            .withOutputTags(ACCOUNTS, TupleTagList.of(ROWS)));
  }

  static final class AnalyzeAccount extends DoFn<KV<AccountKey, Iterable<Holding>>, AccountAnalysis> {
    private final ReferenceData reference;
    private final RebalanceRules rules;
    private final LocalDate runDate;

    AnalyzeAccount(ReferenceData reference, RebalanceRules rules, LocalDate runDate) {
      this.reference = reference;
      this.rules = rules;
      this.runDate = runDate;
    }

    @ProcessElement
    public void process(@Element KV<AccountKey, Iterable<Holding>> account,
        MultiOutputReceiver out, ProcessContext c) {
      AccountInfo info = ReferenceData.lookUp(c.sideInput(reference.accounts()),
          reference.accountsListed(), account.getKey());
      Model model = c.sideInput(reference.models()).get(info.modelId());
      if (model == null) {
        throw new InputException("account " + account.getKey() + ": model '" + info.modelId()
            + "' is not in models.csv");
      }
      List<Holding> holdings = new ArrayList<>();
      account.getValue().forEach(holdings::add);
      AccountAnalysis a = AccountAnalyzer.analyze(info, holdings, c.sideInput(reference.prices()));
      out.get(ACCOUNTS).output(a);
      emitRows(a, model, out.get(ROWS));
    }

    private void emitRows(AccountAnalysis a, Model model, OutputReceiver<WarehouseRow> rows) {
      for (Position p : a.positions()) {
        rows.output(WarehouseRows.holding(runDate, a, p));
      }
      rows.output(WarehouseRows.metrics(runDate, a));
      String scopeId = a.key().toString();
      for (Allocation al : Allocation.of(Allocation.ACCOUNT, scopeId, a.valuesBySymbol(),
          a.totalValue(), model, rules)) {
        rows.output(WarehouseRows.allocation(runDate, a.householdId(), al));
      }
      WarehouseRows.assetClasses(runDate, Allocation.ACCOUNT, scopeId, a.householdId(),
          a.valuesByAssetClass(), a.totalValue()).forEach(rows::output);
    }
  }
}
