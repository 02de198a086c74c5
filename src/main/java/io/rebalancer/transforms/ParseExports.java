package io.rebalancer.transforms;

import io.rebalancer.config.FetchPolicy;
import io.rebalancer.core.Holding;
import io.rebalancer.core.HoldingPricing;
import io.rebalancer.core.Lot;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.Security;
import io.rebalancer.core.SecurityMaster;
import io.rebalancer.core.SourceTally;
import io.rebalancer.core.format.AsOf;
import io.rebalancer.core.format.CanonicalFormat;
import io.rebalancer.core.format.ExportFormat;
import io.rebalancer.core.format.ExportFormats;
import io.rebalancer.core.format.ExportRow;
import io.rebalancer.core.format.ExportRows;
import io.rebalancer.core.format.FilePart;
import io.rebalancer.core.format.FormatSpec;
import io.rebalancer.core.format.ParseSink;
import io.rebalancer.core.format.StatedTotal;
import io.rebalancer.core.trust.ExportAge;
import io.rebalancer.core.trust.ExportFile;
import io.rebalancer.core.trust.InputProblem;
import io.rebalancer.core.trust.PriceBreak;
import io.rebalancer.core.trust.PriceChecks;
import io.rebalancer.core.trust.Reconciler;
import io.rebalancer.core.trust.Reconciliation;
import io.rebalancer.core.trust.ValidationRules;
import io.rebalancer.io.FileSnapshot;
import io.rebalancer.io.TextSources;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Parses one part of one export file with its source's layout, streamed row by row, prices
 * each holding from the history where the export gave no price, and gives it the security
 * master's asset class ({@link SecurityMaster#classify}). Holdings, and the tax lots the export
 * states of them, go on as account rows to be joined with accounts.csv and lots.csv; rejected
 * rows and the part's tally go to their outputs. Beside them, what "Trusting the inputs" asks of
 * the file: the date it states, each stated total
 * against the holdings read, prices far from the history's, and symbols whose history is stale.
 */
final class ParseExports extends DoFn<FilePart, AccountRow> {
  private final Map<String, String> formatBySource;
  /** How each source's URL is fetched: here, on the worker that parses it. */
  private final Map<String, FetchPolicy> fetchBySource;
  private final Map<String, FormatSpec> customFormats;
  private final PCollectionView<PriceBook> pricesView;
  private final PCollectionView<Map<String, Security>> securitiesView;
  private final String pricesFile;
  private final LocalDate runDate;
  private final ValidationRules rules;
  private final boolean keepRawLines;
  private transient PriceBook prices;
  private transient SecurityMaster securities;
  /** Symbols whose history this instance has judged: each is judged once, not once per holding. */
  private transient Set<String> judged;

  /**
   * @param pricesFile the price history's file, for error lines
   * @param keepRawLines whether a holding keeps its line, for a dead letter should its account be
   *     unknown
   */
  ParseExports(Map<String, String> formatBySource, Map<String, FetchPolicy> fetchBySource,
      Map<String, FormatSpec> customFormats, PCollectionView<PriceBook> prices,
      PCollectionView<Map<String, Security>> securities, String pricesFile, LocalDate runDate, ValidationRules rules, boolean keepRawLines) {
    this.formatBySource = formatBySource;
    this.fetchBySource = fetchBySource;
    this.customFormats = customFormats;
    this.pricesView = prices;
    this.securitiesView = securities;
    this.pricesFile = pricesFile;
    this.runDate = runDate;
    this.rules = rules;
    this.keepRawLines = keepRawLines;
  }

  @ProcessElement
  public void process(@Element FilePart part, MultiOutputReceiver out, ProcessContext c) {
    if (prices == null) {
      prices = c.sideInput(pricesView); // once per instance: a glob can name thousands of files
      securities = new SecurityMaster(c.sideInput(securitiesView));
      judged = new HashSet<>();
    }
    String what = "source " + part.file().sourceId();
    String uri = part.file().uri();
    Path path = TextSources.local(what, uri, fetchBySource.get(part.file().sourceId()));
    try {
      FileSnapshot before = FileSnapshot.of(what, uri, path);
      Charset charset = part.charset() != null ? Charset.forName(part.charset())
          : TextSources.charsetOf(what, uri, path);
      PartRows rows = new PartRows(part, () -> TextSources.open(what, uri, path, charset,
          part.start(), part.end()));
      ExportFormat format =
          ExportFormats.resolve(formatBySource.get(part.file().sourceId()), customFormats);
      // A canonical file states no totals: no running sums for its (possibly million) accounts.
      Reconciler reconciler = format instanceof CanonicalFormat ? null
          : new Reconciler(part.file().sourceId(), part.file().brokerageId(), uri);
      Verdicts verdicts = new Verdicts(out, reconciler);
      if (part.header() == null) {
        format.read(part.file(), rows, verdicts);
      } else {
        ((CanonicalFormat) format).readPart(part.file(), part.header(), rows, verdicts);
      }
      rows.closeLast();
      before.checkUnchanged(what, uri, path); // after every pass a layout made over it
      SourceTally tally = new SourceTally(part.file().sourceId(), part.isFirst() ? 1 : 0,
          rows.count, verdicts.holdings, verdicts.recognised, verdicts.rejected);
      if (!tally.balanced()) {
        throw new IllegalStateException("format " + format.name() + " gave "
            + (verdicts.holdings + verdicts.recognised + verdicts.rejected) + " verdicts for "
            + rows.count + " rows of " + uri);
      }
      out.get(ReadHoldings.TALLIES).output(tally);
      RunMetrics.ROWS_READ.inc(rows.count); // once per part: the counters cost nothing per row
      RunMetrics.ROWS_REJECTED.inc(verdicts.rejected);
      judgeFile(part, verdicts, reconciler, tally, out);
    } finally {
      TextSources.release(uri, path);
    }
  }

  /** The file's date against the run date, and its stated totals against its holdings. */
  private void judgeFile(FilePart part, Verdicts verdicts, Reconciler reconciler,
      SourceTally tally, MultiOutputReceiver out) {
    String sourceId = part.file().sourceId();
    String uri = part.file().uri();
    out.get(ReadHoldings.FILES).output(new ExportFile(sourceId, part.file().brokerageId(), uri,
        verdicts.asOf, tally));
    InputProblem dated = ExportAge.problem(sourceId, uri, verdicts.asOf, runDate,
        rules.maxExportAgeDays());
    if (dated != null) {
      out.get(ReadHoldings.PROBLEMS).output(dated);
    }
    if (reconciler == null) {
      return;
    }
    for (Reconciliation r : reconciler.compare(rules.totalTolerance())) {
      out.get(ReadHoldings.RECONCILED).output(r);
      InputProblem unreconciled = r.problem(rules.totalTolerance(), verdicts.rejected > 0);
      if (unreconciled != null) {
        out.get(ReadHoldings.PROBLEMS).output(unreconciled);
      }
    }
  }

  /** The part's rows; each pass a layout makes reads the file again, and counts its rows. */
  private static final class PartRows implements Iterable<ExportRow> {
    private final FilePart part;
    private final Supplier<Reader> open;
    private ExportRows last;
    long count;

    PartRows(FilePart part, Supplier<Reader> open) {
      this.part = part;
      this.open = open;
    }

    @Override
    public Iterator<ExportRow> iterator() {
      closeLast();
      last = ExportRows.read(part.file().sourceId(), part.file().uri(), open.get(),
          part.firstLine());
      return new Iterator<>() {
        private final ExportRows rows = last;

        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public ExportRow next() {
          ExportRow row = rows.next();
          count = Math.max(count, rows.count());
          return row;
        }
      };
    }

    void closeLast() {
      if (last != null) {
        last.close();
        last = null;
      }
    }
  }

  /**
   * Counts each row's verdict, prices holdings that came without one (see {@link HoldingPricing}),
   * and keeps what the file says of itself: its date and its totals.
   */
  private final class Verdicts implements ParseSink {
    private final MultiOutputReceiver out;
    private final Reconciler reconciler;
    long holdings;
    long recognised;
    long rejected;
    AsOf asOf;
    /** The holding last passed on, whose lots the format states next; null once one is rejected. */
    private Holding lastKept;

    Verdicts(MultiOutputReceiver out, Reconciler reconciler) {
      this.out = out;
      this.reconciler = reconciler;
    }

    @Override
    public void holding(Holding h, ExportRow row) {
      HoldingPricing pricing = HoldingPricing.of(h, prices);
      if (pricing.holding() == null) {
        rejected(pricing.rejectedRow(h, row.raw()));
        return;
      }
      // the master's asset class, before anything downstream (analysis, warehouse) reads it
      Holding priced = securities.classify(pricing.holding());
      holdings++;
      judgePrice(h, priced);
      if (reconciler != null) {
        reconciler.add(priced);
      }
      out.get(ReadHoldings.CANDIDATES).output(AccountRow.of(priced, keepRawLines ? row.raw() : null));
      lastKept = priced;
    }

    /** A lot of the holding just passed on; one of a rejected holding goes with it. */
    @Override
    public void lot(Lot lot) {
      if (lastKept != null && lastKept.accountId().equals(lot.accountId())
          && lastKept.symbol().equals(lot.symbol())) {
        out.get(ReadHoldings.CANDIDATES).output(AccountRow.ofExport(lot));
      }
    }

    private void judgePrice(Holding fromExport, Holding priced) {
      if (priced.cash()) {
        return;
      }
      if (judged.add(priced.symbol())) {
        InputProblem stale = PriceChecks.stale(priced.symbol(), prices, runDate,
            rules.maxPriceAgeDays(), pricesFile);
        if (stale != null) {
          out.get(ReadHoldings.PROBLEMS).output(stale);
        }
      }
      if (HoldingPricing.pricedByExport(fromExport)) {
        PriceBreak b = PriceChecks.priceBreak(fromExport, prices, rules.priceBreakTolerance());
        if (b != null) {
          out.get(ReadHoldings.PRICE_BREAKS).output(b);
        }
      }
    }

    @Override
    public void recognised(ExportRow row, String what) {
      recognised++;
    }

    @Override
    public void rejected(RejectedRow row) {
      lastKept = null;
      rejected++;
      out.get(ReadHoldings.REJECTED).output(row);
    }

    @Override
    public void asOf(AsOf date) {
      if (asOf == null) {
        asOf = date;
      }
    }

    @Override
    public void statedTotal(StatedTotal total) {
      if (reconciler != null) {
        reconciler.stated(total);
      }
    }
  }
}
