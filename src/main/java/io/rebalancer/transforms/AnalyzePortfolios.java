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
import java.util.TreeMap;
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
import org.apache.beam.sdk.values.TypeDescriptors;

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
  private final int buckets;

  private AnalyzePortfolios(ReferenceData reference, RebalanceRules rules, LocalDate runDate,
      int buckets) {
    this.reference = reference;
    this.rules = rules;
    this.runDate = runDate;
    this.buckets = buckets;
  }

  /** @param buckets how many key buckets the accounts are grouped in (see {@link KeyBuckets}) */
  public static AnalyzePortfolios with(ReferenceData reference, RebalanceRules rules,
      LocalDate runDate, int buckets) {
    return new AnalyzePortfolios(reference, rules, runDate, buckets);
  }

  @Override
  public PCollectionTuple expand(PCollection<Holding> holdings) {
    int n = buckets;
    return holdings
        .apply("KeyByAccountBucket", WithKeys.of((Holding h) -> KeyBuckets.of(
            h.brokerageId() + "\u001f" + h.accountId(), n)).withKeyType(TypeDescriptors.integers()))
        .apply("GroupByAccount", GroupByKey.create())
        .apply("SplitAccounts", ParDo.of(new SplitAccounts()))
        .apply("AnalyzeAccount", ParDo.of(new AnalyzeAccount(reference, rules, runDate))
            .withSideInputs(reference.views())
            .withOutputTags(ACCOUNTS, TupleTagList.of(ROWS)));
  }

  /** A bucket's holdings, one group per account. */
  static final class SplitAccounts
      extends DoFn<KV<Integer, Iterable<Holding>>, KV<AccountKey, List<Holding>>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Holding>> bucket,
        OutputReceiver<KV<AccountKey, List<Holding>>> out) {
      Map<AccountKey, List<Holding>> byAccount = new TreeMap<>();
      for (Holding h : bucket.getValue()) {
        byAccount.computeIfAbsent(h.account(), k -> new ArrayList<>()).add(h);
      }
      byAccount.forEach((k, v) -> out.output(KV.of(k, v)));
    }
  }

  static final class AnalyzeAccount extends DoFn<KV<AccountKey, List<Holding>>, AccountAnalysis> {
    private final ReferenceData reference;
    private final RebalanceRules rules;
    private final LocalDate runDate;
    private transient ReferenceData.Values values;

    AnalyzeAccount(ReferenceData reference, RebalanceRules rules, LocalDate runDate) {
      this.reference = reference;
      this.rules = rules;
      this.runDate = runDate;
    }

    @ProcessElement
    public void process(@Element KV<AccountKey, List<Holding>> account,
        MultiOutputReceiver out, ProcessContext c) {
      if (values == null) {
        values = reference.read(c);
      }
      AccountInfo info = values.account(account.getKey());
      Model model = values.models().get(info.modelId());
      if (model == null) {
        throw new InputException("account " + account.getKey() + ": model '" + info.modelId()
            + "' is not in models.csv");
      }
      AccountAnalysis a = AccountAnalyzer.analyze(info, account.getValue(), values.prices());
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
