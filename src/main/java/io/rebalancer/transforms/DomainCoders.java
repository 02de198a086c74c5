package io.rebalancer.transforms;

import io.rebalancer.config.SourceConfig;
import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountHoldings;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Holding;
import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.HouseholdRules;
import io.rebalancer.core.Lot;
import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.PriceSeries;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.RunSummary;
import io.rebalancer.core.Security;
import io.rebalancer.core.SourceTally;
import io.rebalancer.core.TradeOrder;
import io.rebalancer.core.format.FilePart;
import io.rebalancer.core.format.SourceFile;
import io.rebalancer.core.trust.ExportFile;
import io.rebalancer.core.trust.InputProblem;
import io.rebalancer.core.trust.PriceBreak;
import io.rebalancer.core.trust.Reconciliation;
import io.rebalancer.io.RowBlock;
import io.rebalancer.io.WarehouseRow;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderRegistry;

/** Registers the coders of every domain value that travels between steps. */
public final class DomainCoders {
  private static final List<Class<? extends Record>> RECORDS = List.of(AccountKey.class,
      Holding.class, AccountInfo.class, Model.class, PriceSeries.class, RejectedRow.class,
      SourceTally.class, SourceFile.class, SourceConfig.class, AccountAnalysis.class,
      HouseholdPlan.class, TradeOrder.class, RunSummary.class, WarehouseRow.class,
      AccountHoldings.class, AccountRow.class, FilePart.class, RowBlock.class, ExportFile.class,
      Reconciliation.class, PriceBreak.class, InputProblem.class, Security.class,
      HouseholdRules.class, Lot.class);

  private DomainCoders() {}

  public static void registerOn(Pipeline pipeline) {
    CoderRegistry registry = pipeline.getCoderRegistry();
    for (Class<? extends Record> type : RECORDS) {
      register(registry, type);
    }
    registry.registerCoderForClass(PriceBook.class, PriceBookCoder.INSTANCE);
  }

  private static <T extends Record> void register(CoderRegistry registry, Class<T> type) {
    registry.registerCoderForClass(type, RecordCoder.of(type));
  }
}
