package io.rebalancer.transforms;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.config.SourceConfig;
import io.rebalancer.core.Holding;
import io.rebalancer.core.InputException;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.SourceTally;
import io.rebalancer.core.format.ExportFormat;
import io.rebalancer.core.format.ExportFormats;
import io.rebalancer.core.format.ExportRow;
import io.rebalancer.core.format.ExportRows;
import io.rebalancer.core.format.FormatSpec;
import io.rebalancer.core.format.ParseSink;
import io.rebalancer.core.format.SourceFile;
import io.rebalancer.io.TextSources;
import io.rebalancer.io.WarehouseRow;
import io.rebalancer.io.WarehouseRows;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Reads every source's files in parallel, each in its brokerage's layout, into one collection of
 * priced holdings. Every row read is a holding, a recognised non-holding row, or a rejected row
 * (dead letter) with its reason and line; per-source tallies prove that nothing was dropped.
 */
public final class ReadHoldings extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<Holding> HOLDINGS = new TupleTag<>() {};
  public static final TupleTag<RejectedRow> REJECTED = new TupleTag<>() {};
  public static final TupleTag<SourceTally> TALLIES = new TupleTag<>() {};
  /** Rejected rows and source counts, as warehouse rows. */
  public static final TupleTag<WarehouseRow> ROWS = new TupleTag<>() {};

  private final List<SourceConfig> sources;
  private final Map<String, FormatSpec> customFormats;
  private final ReferenceData reference;
  private final LocalDate runDate;

  private ReadHoldings(List<SourceConfig> sources, Map<String, FormatSpec> customFormats,
      ReferenceData reference, LocalDate runDate) {
    this.sources = sources;
    this.customFormats = customFormats;
    this.reference = reference;
    this.runDate = runDate;
  }

  /** Reads the sources in built-in layouts only. */
  public static ReadHoldings from(List<SourceConfig> sources, ReferenceData reference,
      LocalDate runDate) {
    return new ReadHoldings(sources, Map.of(), reference, runDate);
  }

  /** Reads the config's sources, in built-in layouts or ones under its `formats:`. */
  public static ReadHoldings from(PipelineConfig config, ReferenceData reference,
      LocalDate runDate) {
    return new ReadHoldings(config.sources(), config.formats(), reference, runDate);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple parsed = begin
        .apply("Sources", Create.of(sources))
        .apply("MatchFiles", ParDo.of(new MatchFiles()))
        .apply("SpreadFiles", Reshuffle.viaRandomKey())
        .apply("ParseExports", ParDo.of(new ParseExports(sources, customFormats, reference))
            .withSideInputs(reference.views())
            .withOutputTags(HOLDINGS, TupleTagList.of(REJECTED).and(TALLIES)));
    PCollection<SourceTally> tallies = parsed.get(TALLIES)
        .apply("KeyBySource", WithKeys.of(SourceTally::sourceId)
            .withKeyType(TypeDescriptors.strings()))
        .apply("SumPerSource", Combine.perKey(ReadHoldings::sum))
        .apply("Tallies", Values.create());
    LocalDate date = runDate;
    PCollection<WarehouseRow> rows = PCollectionList
        .of(parsed.get(REJECTED).apply("RejectedRows", MapElements
            .into(TypeDescriptor.of(WarehouseRow.class))
            .via(r -> WarehouseRows.rejected(date, r))))
        .and(tallies.apply("SourceCountRows", MapElements
            .into(TypeDescriptor.of(WarehouseRow.class))
            .via(t -> WarehouseRows.sourceCount(date, t))))
        .apply("WarehouseRows", Flatten.pCollections());
    return PCollectionTuple.of(HOLDINGS, parsed.get(HOLDINGS))
        .and(REJECTED, parsed.get(REJECTED))
        .and(TALLIES, tallies)
        .and(ROWS, rows);
  }

  private static SourceTally sum(Iterable<SourceTally> tallies) {
    SourceTally total = null;
    for (SourceTally t : tallies) {
      total = total == null ? t : total.plus(t);
    }
    return total;
  }

  /** A source's uri as the files it names: one for a path or URL, every match for a glob. */
  static final class MatchFiles extends DoFn<SourceConfig, SourceFile> {
    @ProcessElement
    public void process(@Element SourceConfig source, OutputReceiver<SourceFile> out)
        throws IOException {
      if (source.isUrl()) {
        out.output(new SourceFile(source.id(), source.uri(), source.account()));
        return;
      }
      MatchResult match = FileSystems.match(source.uri(), EmptyMatchTreatment.ALLOW);
      List<String> files = new ArrayList<>();
      if (match.status() == MatchResult.Status.OK) {
        match.metadata().forEach(m -> files.add(m.resourceId().toString()));
      }
      if (files.isEmpty()) {
        throw new InputException("source " + source.id() + ": no file matches " + source.uri());
      }
      files.stream().sorted()
          .forEach(f -> out.output(new SourceFile(source.id(), f, source.account())));
    }
  }

  /** Parses one file with its source's layout, then prices each holding and checks its account. */
  static final class ParseExports extends DoFn<SourceFile, Holding> {
    private final Map<String, String> formatBySource = new HashMap<>();
    private final Map<String, FormatSpec> customFormats;
    private final ReferenceData reference;
    private transient ReferenceData.Values values;

    ParseExports(List<SourceConfig> sources, Map<String, FormatSpec> customFormats,
        ReferenceData reference) {
      sources.forEach(s -> formatBySource.put(s.id(), s.format()));
      this.customFormats = new HashMap<>(customFormats);
      this.reference = reference;
    }

    @ProcessElement
    public void process(@Element SourceFile file, MultiOutputReceiver out, ProcessContext c) {
      ExportFormat format =
          ExportFormats.resolve(formatBySource.get(file.sourceId()), customFormats);
      String text = TextSources.read("source " + file.sourceId(), file.uri());
      List<ExportRow> rows = ExportRows.split(file.sourceId(), file.uri(), text);
      if (values == null) {
        values = reference.read(c); // once per instance: a glob can name thousands of files
      }
      Verdicts verdicts = new Verdicts(values, out);
      format.read(file, rows, verdicts);
      SourceTally tally = new SourceTally(file.sourceId(), 1, rows.size(), verdicts.holdings,
          verdicts.recognised, verdicts.rejected);
      if (!tally.balanced()) {
        throw new IllegalStateException("format " + format.name() + " gave "
            + (verdicts.holdings + verdicts.recognised + verdicts.rejected) + " verdicts for "
            + rows.size() + " rows of " + file.uri());
      }
      out.get(TALLIES).output(tally);
    }
  }

  /** Counts each row's verdict and finishes holdings: priced from history, account known. */
  private static final class Verdicts implements ParseSink {
    private final ReferenceData.Values reference;
    private final DoFn.MultiOutputReceiver out;
    long holdings;
    long recognised;
    long rejected;

    Verdicts(ReferenceData.Values reference, DoFn.MultiOutputReceiver out) {
      this.reference = reference;
      this.out = out;
    }

    @Override
    public void holding(Holding h, ExportRow row) {
      if (reference.account(h.account()) == null) {
        rejected(new RejectedRow(h.sourceId(), h.sourceUri(), h.lineNumber(),
            "account " + h.accountId() + " of " + h.brokerageId() + " is not in accounts.csv",
            row.raw()));
        return;
      }
      Holding priced = h;
      if (h.price() == null) {
        BigDecimal close = reference.prices().latestClose(h.symbol()).orElse(null);
        if (close == null) {
          rejected(new RejectedRow(h.sourceId(), h.sourceUri(), h.lineNumber(),
              "no price for " + h.symbol() + " in the export or the price history", row.raw()));
          return;
        }
        priced = h.withPrice(close);
      }
      holdings++;
      out.get(HOLDINGS).output(priced);
    }

    @Override
    public void recognised(ExportRow row, String what) {
      recognised++;
    }

    @Override
    public void rejected(RejectedRow row) {
      rejected++;
      out.get(REJECTED).output(row);
    }
  }
}
