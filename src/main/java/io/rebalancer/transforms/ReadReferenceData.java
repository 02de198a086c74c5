package io.rebalancer.transforms;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.PriceSeries;
import io.rebalancer.core.format.ReferenceFiles;
import io.rebalancer.io.TextSources;
import io.rebalancer.io.RowBlock;
import io.rebalancer.io.WarehouseRows;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads accounts.csv, models.csv and the price history on the workers (they can be large) and
 * turns them into side inputs. A bad line stops the run, naming the file and line.
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
    PCollection<KV<String, Model>> models = p.apply("ModelsFile", Create.of(config.models()))
        .apply("ParseModels", ParDo.of(new ParseModels()));
    PCollection<PriceBook> prices = config.prices() == null
        ? p.apply("NoPriceHistory", Create.of(PriceBook.empty()).withCoder(PriceBookCoder.INSTANCE))
        : p.apply("PricesFile", Create.of(config.prices()))
            .apply("ParsePrices", ParDo.of(new ParsePrices(runDate)));
    ReferenceData views = new ReferenceData(models.apply("ModelsView", View.asMap()),
        prices.apply("PricesView", View.asSingleton()));
    return new Read(views, new Accounts(accounts, config.accounts() != null),
        prices.apply("PriceRows", ParDo.of(new PriceRows())));
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

  static final class ParseAccounts extends DoFn<String, AccountInfo> {
    @ProcessElement
    public void process(@Element String file, OutputReceiver<AccountInfo> out)
        throws IOException {
      try (Reader in = TextSources.open("accounts", file)) {
        ReferenceFiles.accounts(file, in, (account, line) -> out.output(account));
      }
    }
  }

  static final class ParseModels extends DoFn<String, KV<String, Model>> {
    @ProcessElement
    public void process(@Element String file, OutputReceiver<KV<String, Model>> out)
        throws IOException {
      try (Reader in = TextSources.open("models", file)) {
        ReferenceFiles.models(file, in).forEach(m -> out.output(KV.of(m.modelId(), m)));
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
