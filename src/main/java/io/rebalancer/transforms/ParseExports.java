package io.rebalancer.transforms;

import io.rebalancer.core.Holding;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.SourceTally;
import io.rebalancer.core.format.CanonicalFormat;
import io.rebalancer.core.format.ExportFormat;
import io.rebalancer.core.format.ExportFormats;
import io.rebalancer.core.format.ExportRow;
import io.rebalancer.core.format.ExportRows;
import io.rebalancer.core.format.FilePart;
import io.rebalancer.core.format.FormatSpec;
import io.rebalancer.core.format.ParseSink;
import io.rebalancer.io.TextSources;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Parses one part of one export file with its source's layout, streamed row by row, and prices
 * each holding from the history where the export gave no price. Holdings go on as account rows
 * to be joined with accounts.csv; rejected rows and the part's tally go to their outputs.
 */
final class ParseExports extends DoFn<FilePart, AccountRow> {
  private final Map<String, String> formatBySource;
  private final Map<String, FormatSpec> customFormats;
  private final PCollectionView<PriceBook> pricesView;
  private final boolean keepRawLines;
  private final TupleTag<RejectedRow> rejectedTag;
  private final TupleTag<SourceTally> talliesTag;
  private transient PriceBook prices;

  /** @param keepRawLines whether a holding keeps its line, for a dead letter should its account be unknown */
  ParseExports(Map<String, String> formatBySource, Map<String, FormatSpec> customFormats,
      PCollectionView<PriceBook> prices, boolean keepRawLines, TupleTag<RejectedRow> rejected,
      TupleTag<SourceTally> tallies) {
    this.formatBySource = formatBySource;
    this.customFormats = customFormats;
    this.pricesView = prices;
    this.keepRawLines = keepRawLines;
    this.rejectedTag = rejected;
    this.talliesTag = tallies;
  }

  @ProcessElement
  public void process(@Element FilePart part, MultiOutputReceiver out, ProcessContext c) {
    if (prices == null) {
      prices = c.sideInput(pricesView); // once per instance: a glob can name thousands of files
    }
    String what = "source " + part.file().sourceId();
    String uri = part.file().uri();
    Path path = TextSources.local(what, uri);
    try {
      Charset charset = part.charset() != null ? Charset.forName(part.charset())
          : TextSources.charsetOf(what, uri, path);
      PartRows rows = new PartRows(part, () -> TextSources.open(what, uri, path, charset,
          part.start(), part.end()));
      Verdicts verdicts = new Verdicts(out);
      ExportFormat format =
          ExportFormats.resolve(formatBySource.get(part.file().sourceId()), customFormats);
      if (part.header() == null) {
        format.read(part.file(), rows, verdicts);
      } else {
        ((CanonicalFormat) format).readPart(part.file(), part.header(), rows, verdicts);
      }
      rows.closeLast();
      SourceTally tally = new SourceTally(part.file().sourceId(), part.isFirst() ? 1 : 0,
          rows.count, verdicts.holdings, verdicts.recognised, verdicts.rejected);
      if (!tally.balanced()) {
        throw new IllegalStateException("format " + format.name() + " gave "
            + (verdicts.holdings + verdicts.recognised + verdicts.rejected) + " verdicts for "
            + rows.count + " rows of " + uri);
      }
      out.get(talliesTag).output(tally);
    } finally {
      TextSources.release(uri, path);
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

  /** Counts each row's verdict and prices holdings that came without a price. */
  private final class Verdicts implements ParseSink {
    private final MultiOutputReceiver out;
    long holdings;
    long recognised;
    long rejected;

    Verdicts(MultiOutputReceiver out) {
      this.out = out;
    }

    @Override
    public void holding(Holding h, ExportRow row) {
      Holding priced = h;
      if (h.price() == null) {
        BigDecimal close = prices.latestClose(h.symbol()).orElse(null);
        if (close == null) {
          rejected(new RejectedRow(h.sourceId(), h.sourceUri(), h.lineNumber(),
              "no price for " + h.symbol() + " in the export or the price history", row.raw()));
          return;
        }
        priced = h.withPrice(close);
      }
      holdings++;
      out.get(ReadHoldings.CANDIDATES).output(AccountRow.of(priced, keepRawLines ? row.raw() : null));
    }

    @Override
    public void recognised(ExportRow row, String what) {
      recognised++;
    }

    @Override
    public void rejected(RejectedRow row) {
      rejected++;
      out.get(rejectedTag).output(row);
    }
  }
}
