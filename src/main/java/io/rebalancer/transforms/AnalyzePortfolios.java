package io.rebalancer.transforms;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountAnalyzer;
import io.rebalancer.core.AccountHoldings;
import io.rebalancer.core.Allocation;
import io.rebalancer.core.Model;
import io.rebalancer.core.ModelLookup;
import io.rebalancer.core.Position;
import io.rebalancer.io.RowBlock;
import io.rebalancer.io.WarehouseRow;
import io.rebalancer.io.WarehouseRows;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The per-account analysis, a ParDo over accounts with their holdings: value, cash,
 * concentration and risk of each account. Side output: the account's warehouse rows (holdings,
 * metrics, asset classes). Its symbol allocations, and its asset classes on a class model, are
 * staged by {@link Rebalance}, which knows the orders that their post-trade weights follow.
 */
public final class AnalyzePortfolios
    extends PTransform<PCollection<AccountHoldings>, PCollectionTuple> {
  public static final TupleTag<AccountAnalysis> ACCOUNTS = new TupleTag<>() {};
  /** The accounts' holdings, metrics and asset-class allocations, as blocks of warehouse rows. */
  public static final TupleTag<RowBlock> ROWS = new TupleTag<>() {};

  private final ReferenceData reference;
  private final LocalDate runDate;

  private AnalyzePortfolios(ReferenceData reference, LocalDate runDate) {
    this.reference = reference;
    this.runDate = runDate;
  }

  public static AnalyzePortfolios with(ReferenceData reference, LocalDate runDate) {
    return new AnalyzePortfolios(reference, runDate);
  }

  @Override
  public PCollectionTuple expand(PCollection<AccountHoldings> accounts) {
    return accounts.apply("AnalyzeAccount",
        ParDo.of(new AnalyzeAccount(reference, runDate))
            .withSideInputs(reference.views())
            .withOutputTags(ACCOUNTS, TupleTagList.of(ROWS)));
  }

  static final class AnalyzeAccount extends EmitsRowBlocks<AccountHoldings, AccountAnalysis> {
    private final ReferenceData reference;
    private final LocalDate runDate;
    private transient ReferenceData.Values values;

    AnalyzeAccount(ReferenceData reference, LocalDate runDate) {
      super(ROWS);
      this.reference = reference;
      this.runDate = runDate;
    }

    @ProcessElement
    public void process(@Element AccountHoldings account, MultiOutputReceiver out,
        ProcessContext c) {
      if (values == null) {
        values = reference.read(c);
      }
      // an account on an unknown model stops the run here, naming the account
      Model model = ModelLookup.ofAccount(account.info(), values.models());
      AccountAnalysis a =
          AccountAnalyzer.analyze(account.info(), account.holdings(), account.lots(),
              values.prices());
      out.get(ACCOUNTS).output(a);
      RunMetrics.ACCOUNTS.inc();
      emitRows(a, model, rows(out));
    }

    private void emitRows(AccountAnalysis a, Model model, Consumer<WarehouseRow> rows) {
      for (Position p : a.positions()) {
        rows.accept(WarehouseRows.holding(runDate, a, p));
      }
      rows.accept(WarehouseRows.metrics(runDate, a));
      // on a class model the classes carry targets and post-trade weights: Rebalance stages them
      if (!model.byClass()) {
        WarehouseRows.assetClasses(runDate, Allocation.ACCOUNT, a.key().toString(),
            a.householdId(), a.valuesByAssetClass(), a.totalValue()).forEach(rows);
      }
    }
  }
}
