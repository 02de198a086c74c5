package io.rebalancer.transforms;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.HouseholdRules;
import io.rebalancer.core.Lot;
import io.rebalancer.core.Model;
import io.rebalancer.core.ModelBook;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.PriceSeries;
import io.rebalancer.core.Security;
import io.rebalancer.core.SecurityMaster;
import io.rebalancer.core.format.ClassModelFile;
import io.rebalancer.core.format.HouseholdFile;
import io.rebalancer.core.format.LotFile;
import io.rebalancer.core.format.ReferenceFiles;
import io.rebalancer.core.format.SecurityFile;
import io.rebalancer.io.TextSources;
import io.rebalancer.io.RowBlock;
import io.rebalancer.io.WarehouseRows;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Reads accounts.csv, the models (models.csv and the class models), the price history, the
 * security master and households.csv on the workers (they can be large) and turns them into side
 * inputs; accounts.csv and lots.csv stay collections, joined per account. A bad line stops the
 * run, naming the file and line.
 */
public final class ReadReferenceData {
  private ReadReferenceData() {}

  /**
   * The models and prices as side inputs, the accounts as a collection to join, and the price
   * history as rows of the warehouse.
   */
  public record Read(ReferenceData views, Accounts accounts, PCollection<RowBlock> priceRows) {}

  public static Read from(Pipeline p, PipelineConfig config, LocalDate runDate) {
    PCollection<AccountInfo> accounts;
    if (config.accounts() == null) {
      accounts = p.apply("NoAccountsFile", Create.empty(RecordCoder.of(AccountInfo.class)));
    } else {
      accounts = p.apply("AccountsFile", Create.of(config.accounts()))
          .apply("ParseAccounts", ParDo.of(new ParseAccounts()));
    }
    PCollectionView<Map<String, Security>> securities = securities(p, config.securities());
    PCollection<KV<String, Model>> models = p.apply("ModelsFile", Create.of(config.models()))
        .apply("ParseModels", ParDo.of(new ParseModels(config.classModels(),
                config.securities(), securities))
            .withSideInputs(securities));
    PCollection<PriceBook> prices = config.prices() == null
        ? p.apply("NoPriceHistory", Create.of(PriceBook.empty()).withCoder(PriceBookCoder.INSTANCE))
        : p.apply("PricesFile", Create.of(config.prices()))
            .apply("ParsePrices", ParDo.of(new ParsePrices(runDate)));
    ReferenceData views = new ReferenceData(models.apply("ModelsView", View.asMap()),
        prices.apply("PricesView", View.asSingleton()), securities,
        households(p, config.households()));
    PCollection<Lot> lots = config.lots() == null
        ? p.apply("NoLotsFile", Create.empty(RecordCoder.of(Lot.class)))
        : p.apply("LotsFile", Create.of(config.lots()))
            .apply("ParseLots", ParDo.of(new ParseLots(runDate)));
    return new Read(views, new Accounts(accounts, config.accounts() != null, lots),
        prices.apply("PriceRows", ParDo.of(new PriceRows())));
  }

  /** The security master by symbol; without a file, empty: every export's label stands. */
  private static PCollectionView<Map<String, Security>> securities(Pipeline p, String file) {
    PCollection<KV<String, Security>> bySymbol = file == null
        ? p.apply("NoSecuritiesFile", Create.empty(
            KvCoder.of(StringUtf8Coder.of(), RecordCoder.of(Security.class))))
        : p.apply("SecuritiesFile", Create.of(file))
            .apply("ParseSecurities", ParDo.of(new ParseSecurities()));
    return bySymbol.apply("SecuritiesView", View.asMap());
  }

  /** The households' own rules; without a file, none: every household on the config's. */
  private static PCollectionView<Map<String, HouseholdRules>> households(Pipeline p,
      String file) {
    PCollection<KV<String, HouseholdRules>> byId = file == null
        ? p.apply("NoHouseholdsFile", Create.empty(
            KvCoder.of(StringUtf8Coder.of(), RecordCoder.of(HouseholdRules.class))))
        : p.apply("HouseholdsFile", Create.of(file))
            .apply("ParseHouseholds", ParDo.of(new ParseHouseholds()));
    return byId.apply("HouseholdsView", View.asMap());
  }

  /** Every close the run read, once per (date, symbol): the warehouse derives the series from them. */
  static final class PriceRows extends DoFn<PriceBook, RowBlock> {
    @ProcessElement
    public void process(@Element PriceBook book, OutputReceiver<RowBlock> out) {
      RowBlocks rows = new RowBlocks();
      for (PriceSeries s : book.series()) {
        for (PricePoint point : s.points()) {
          rows.add(WarehouseRows.price(s.symbol(), point), out::output);
        }
      }
      rows.flush(out::output);
    }
  }

  /** lots.csv, streamed: a book's lots can run to millions of lines. */
  static final class ParseLots extends DoFn<String, Lot> {
    private final LocalDate runDate;

    ParseLots(LocalDate runDate) {
      this.runDate = runDate;
    }

    @ProcessElement
    public void process(@Element String file, OutputReceiver<Lot> out) throws IOException {
      try (Reader in = TextSources.open("lots", file)) {
        LotFile.lots(file, in, runDate, out::output);
      }
    }
  }

  static final class ParseAccounts extends DoFn<String, AccountInfo> {
    @ProcessElement
    public void process(@Element String file, OutputReceiver<AccountInfo> out)
        throws IOException {
      try (Reader in = TextSources.open("accounts", file)) {
        ReferenceFiles.accounts(file, in, (account, line) -> out.output(account));
      }
    }
  }

  /**
   * models.csv and the class models as one book of models, checked against each other and the
   * security master ({@link ModelBook}) where both are known: here, before any side input is read.
   */
  static final class ParseModels extends DoFn<String, KV<String, Model>> {
    private final String classModelsFile;
    private final String securitiesFile;
    private final PCollectionView<Map<String, Security>> securities;

    /** @param classModelsFile the class models, or null */
    ParseModels(String classModelsFile, String securitiesFile,
        PCollectionView<Map<String, Security>> securities) {
      this.classModelsFile = classModelsFile;
      this.securitiesFile = securitiesFile;
      this.securities = securities;
    }

    @ProcessElement
    public void process(@Element String file, OutputReceiver<KV<String, Model>> out,
        ProcessContext c) throws IOException {
      List<Model> models;
      try (Reader in = TextSources.open("models", file)) {
        models = ReferenceFiles.models(file, in);
      }
      List<Model> classModels = List.of();
      if (classModelsFile != null) {
        try (Reader in = TextSources.open("classModels", classModelsFile)) {
          classModels = ClassModelFile.classModels(classModelsFile, in);
        }
      }
      ModelBook.of(file, models, classModelsFile, classModels, securitiesFile,
              new SecurityMaster(c.sideInput(securities)))
          .forEach((id, m) -> out.output(KV.of(id, m)));
    }
  }

  static final class ParseSecurities extends DoFn<String, KV<String, Security>> {
    @ProcessElement
    public void process(@Element String file, OutputReceiver<KV<String, Security>> out)
        throws IOException {
      try (Reader in = TextSources.open("securities", file)) {
        SecurityFile.securities(file, in).forEach(s -> out.output(KV.of(s.symbol(), s)));
      }
    }
  }

  static final class ParseHouseholds extends DoFn<String, KV<String, HouseholdRules>> {
    @ProcessElement
    public void process(@Element String file, OutputReceiver<KV<String, HouseholdRules>> out)
        throws IOException {
      try (Reader in = TextSources.open("households", file)) {
        HouseholdFile.households(file, in).forEach(h -> out.output(KV.of(h.householdId(), h)));
      }
    }
  }

  static final class ParsePrices extends DoFn<String, PriceBook> {
    private final LocalDate runDate;

    ParsePrices(LocalDate runDate) {
      this.runDate = runDate;
    }

    @ProcessElement
    public void process(@Element String file, OutputReceiver<PriceBook> out)
        throws IOException {
      try (Reader in = TextSources.open("prices", file)) {
        out.output(new PriceBook(ReferenceFiles.prices(file, in, runDate)));
      }
    }
  }
}
