package io.rebalancer.transforms;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.PriceSeries;
import io.rebalancer.core.format.ReferenceFiles;
import io.rebalancer.io.TextSources;
import io.rebalancer.io.WarehouseRow;
import io.rebalancer.io.WarehouseRows;
import java.io.StringReader;
import java.time.LocalDate;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
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

  /** The reference data as side inputs, and the price history as rows of the warehouse. */
  public record Read(ReferenceData views, PCollection<WarehouseRow> priceRows) {}

  public static ReferenceData from(Pipeline p, PipelineConfig config, LocalDate runDate) {
    return read(p, config, runDate).views();
  }

  public static Read read(Pipeline p, PipelineConfig config, LocalDate runDate) {
    PCollection<KV<AccountKey, AccountInfo>> accounts;
    if (config.accounts() == null) {
      accounts = p.apply("NoAccountsFile", Create.empty(KvCoder.of(
          RecordCoder.of(AccountKey.class), RecordCoder.of(AccountInfo.class))));
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
    ReferenceData views = new ReferenceData(accounts.apply("AccountsView", View.asMap()),
        config.accounts() != null, models.apply("ModelsView", View.asMap()),
        prices.apply("PricesView", View.asSingleton()));
    return new Read(views, prices.apply("PriceRows", ParDo.of(new PriceRows())));
  }

  /** Every close the run read, once per (date, symbol): the warehouse derives the series from them. */
  static final class PriceRows extends DoFn<PriceBook, WarehouseRow> {
    @ProcessElement
    public void process(@Element PriceBook book, OutputReceiver<WarehouseRow> out) {
      for (PriceSeries s : book.series()) {
        for (PricePoint point : s.points()) {
          out.output(WarehouseRows.price(s.symbol(), point));
        }
      }
    }
  }

  static final class ParseAccounts extends DoFn<String, KV<AccountKey, AccountInfo>> {
    @ProcessElement
    public void process(@Element String file, OutputReceiver<KV<AccountKey, AccountInfo>> out) {
      for (AccountInfo a : ReferenceFiles.accounts(file,
          new StringReader(TextSources.read("accounts", file)))) {
        out.output(KV.of(a.key(), a));
      }
    }
  }

  static final class ParseModels extends DoFn<String, KV<String, Model>> {
    @ProcessElement
    public void process(@Element String file, OutputReceiver<KV<String, Model>> out) {
      for (Model m : ReferenceFiles.models(file,
          new StringReader(TextSources.read("models", file)))) {
        out.output(KV.of(m.modelId(), m));
      }
    }
  }

  static final class ParsePrices extends DoFn<String, PriceBook> {
    private final LocalDate runDate;

    ParsePrices(LocalDate runDate) {
      this.runDate = runDate;
    }

    @ProcessElement
    public void process(@Element String file, OutputReceiver<PriceBook> out) {
      out.output(new PriceBook(ReferenceFiles.prices(file,
          new StringReader(TextSources.read("prices", file)), runDate)));
    }
  }
}
