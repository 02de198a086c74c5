package io.rebalancer.transforms;

import io.rebalancer.config.FetchPolicy;
import io.rebalancer.config.PipelineConfig;
import io.rebalancer.config.SourceConfig;
import io.rebalancer.core.AccountHoldings;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.InputException;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.SourceTally;
import io.rebalancer.core.format.CanonicalFormat;
import io.rebalancer.core.format.FileParts;
import io.rebalancer.core.format.FilePart;
import io.rebalancer.core.format.FormatSpec;
import io.rebalancer.core.format.SourceFile;
import io.rebalancer.core.trust.ExportFile;
import io.rebalancer.core.trust.InputProblem;
import io.rebalancer.core.trust.PriceBreak;
import io.rebalancer.core.trust.PriceChecks;
import io.rebalancer.core.trust.Reconciliation;
import io.rebalancer.core.trust.ValidationRules;
import io.rebalancer.io.TextSources;
import io.rebalancer.io.RowBlock;
import io.rebalancer.io.WarehouseRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
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
 * Reads every source's files in parallel, each in its brokerage's layout and streamed, a large
 * canonical file in parts; prices the holdings, gives them the security master's asset classes,
 * and joins them with accounts.csv and the tax lots (lots.csv, the exports') into one element per
 * account. Every row read is a holding, a recognised non-holding row, or a rejected row (dead
 * letter) with its reason and line; per-source tallies prove that nothing was dropped.
 */
public final class ReadHoldings extends PTransform<PBegin, PCollectionTuple> {
  /** Each account with its household, model and holdings. */
  public static final TupleTag<AccountHoldings> ACCOUNTS = new TupleTag<>() {};
  public static final TupleTag<RejectedRow> REJECTED = new TupleTag<>() {};
  public static final TupleTag<SourceTally> TALLIES = new TupleTag<>() {};
  /** Each file read, with the date it states. */
  public static final TupleTag<ExportFile> FILES = new TupleTag<>() {};
  /** Each total an export states, against the holdings read for its account. */
  public static final TupleTag<Reconciliation> RECONCILED = new TupleTag<>() {};
  public static final TupleTag<PriceBreak> PRICE_BREAKS = new TupleTag<>() {};
  /** What the inputs cannot be traded on: the run fails on the first (see {@link InputProblem}). */
  public static final TupleTag<InputProblem> PROBLEMS = new TupleTag<>() {};
  /** Rejected rows, source counts, files, reconciliations, price breaks and problems, staged. */
  public static final TupleTag<RowBlock> ROWS = new TupleTag<>() {};
  static final TupleTag<AccountRow> CANDIDATES = new TupleTag<>() {};
  /** About how large a part of a canonical file one worker reads. */
  static final long PART_BYTES = 64L << 20;

  private final List<SourceConfig> sources;
  private final Map<String, FormatSpec> customFormats;
  private final ValidationRules rules;
  private final String pricesFile;
  private final ReferenceData reference;
  private final Accounts accounts;
  private final String accountsFile;
  private final LocalDate runDate;
  private final int buckets;
  private final long partBytes;

  private ReadHoldings(List<SourceConfig> sources, Map<String, FormatSpec> customFormats,
      ValidationRules rules, String pricesFile, ReferenceData reference, Accounts accounts,
      String accountsFile, LocalDate runDate, int buckets, long partBytes) {
    this.sources = sources;
    this.customFormats = customFormats;
    this.rules = rules;
    // named in a stale close's error line; without a file there is no close to be stale
    this.pricesFile = pricesFile == null ? "the price history" : pricesFile;
    this.reference = reference;
    this.accounts = accounts;
    this.accountsFile = accountsFile;
    this.runDate = runDate;
    this.buckets = buckets;
    this.partBytes = partBytes;
  }

  /**
   * Reads the config's sources, in built-in layouts or ones under its `formats:`.
   *
   * @param buckets how many key buckets the accounts are grouped in (see {@link GroupInBuckets})
   */
  public static ReadHoldings from(PipelineConfig config, ReferenceData reference,
      Accounts accounts, LocalDate runDate, int buckets) {
    return new ReadHoldings(config.sources(), config.formats(), config.validation(),
        config.prices(), reference, accounts, accounts.listed() ? config.accounts() : null,
        runDate, buckets, PART_BYTES);
  }

  /** The same, reading canonical files in parts of about partBytes (for tests of the split). */
  ReadHoldings withPartBytes(long bytes) {
    return new ReadHoldings(sources, customFormats, rules, pricesFile, reference, accounts,
        accountsFile, runDate, buckets, bytes);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    Map<String, String> formatBySource = new HashMap<>();
    sources.forEach(s -> formatBySource.put(s.id(), s.format()));
    Map<String, FetchPolicy> fetchBySource = new HashMap<>();
    sources.forEach(s -> fetchBySource.put(s.id(), s.fetch()));
    PCollectionTuple parsed = begin
        .apply("Sources", Create.of(sources))
        .apply("MatchFiles", ParDo.of(new MatchFiles()))
        .apply("SplitFiles", ParDo.of(new SplitFiles(formatBySource, partBytes)))
        .apply("SpreadParts", Reshuffle.viaRandomKey())
        .apply("ParseExports", ParDo.of(new ParseExports(formatBySource, fetchBySource,
                new HashMap<>(customFormats), reference.prices(), reference.securities(),
                pricesFile, runDate, rules, accounts.listed()))
            .withSideInputs(reference.prices(), reference.securities())
            .withOutputTags(CANDIDATES, TupleTagList.of(List.of(REJECTED, TALLIES, FILES,
                RECONCILED, PRICE_BREAKS, PROBLEMS))));
    PCollection<AccountRow> listed = accounts.lines().apply("AccountLines",
        MapElements.into(TypeDescriptor.of(AccountRow.class)).via(AccountRow::of));
    PCollection<AccountRow> lots = accounts.lots().apply("LotLines",
        MapElements.into(TypeDescriptor.of(AccountRow.class)).via(AccountRow::ofLotsFile));
    PCollectionTuple joined = PCollectionList.of(parsed.get(CANDIDATES)).and(listed).and(lots)
        .apply("HoldingsAndAccounts", Flatten.pCollections())
        .apply("GroupByAccount", GroupInBuckets.by(AccountRow::key,
            RecordCoder.of(AccountKey.class), (a, b) -> AccountRow.ORDER.compare(a, b), buckets))
        .apply("CheckAccounts", ParDo.of(new CheckAccounts(accountsFile, REJECTED, TALLIES,
                PROBLEMS))
            .withOutputTags(ACCOUNTS, TupleTagList.of(REJECTED).and(TALLIES).and(PROBLEMS)));
    PCollection<InputProblem> modelPrices = begin
        .apply("RunDate", Create.of(runDate).withCoder(LocalDateCoder.INSTANCE))
        .apply("JudgeModelPrices", ParDo.of(new JudgeModelPrices(reference, pricesFile, rules))
            .withSideInputs(reference.views()));
    PCollection<InputProblem> problems = PCollectionList.of(parsed.get(PROBLEMS))
        .and(joined.get(PROBLEMS)).and(modelPrices).apply("Problems", Flatten.pCollections());
    PCollection<ExportFile> files = parsed.get(FILES)
        .apply("KeyByFile", WithKeys.of(ExportFile::uri).withKeyType(TypeDescriptors.strings()))
        .apply("SumPerFile", Combine.perKey((Iterable<ExportFile> parts) -> sum(parts, ExportFile::plus)))
        .apply("Files", Values.create());
    PCollection<RejectedRow> rejected = PCollectionList.of(parsed.get(REJECTED))
        .and(joined.get(REJECTED)).apply("Rejected", Flatten.pCollections());
    PCollection<SourceTally> tallies = PCollectionList.of(parsed.get(TALLIES))
        .and(joined.get(TALLIES)).apply("PartTallies", Flatten.pCollections())
        .apply("KeyBySource", WithKeys.of(SourceTally::sourceId)
            .withKeyType(TypeDescriptors.strings()))
        .apply("SumPerSource", Combine.perKey((Iterable<SourceTally> parts) -> sum(parts, SourceTally::plus)))
        .apply("Tallies", Values.create());
    LocalDate date = runDate;
    PCollection<RowBlock> rows = PCollectionList
        .of(rejected.apply("RejectedRows", MapElements
            .into(TypeDescriptor.of(RowBlock.class))
            .via(r -> RowBlock.of(WarehouseRows.rejected(date, r)))))
        .and(tallies.apply("SourceCountRows", MapElements
            .into(TypeDescriptor.of(RowBlock.class))
            .via(t -> RowBlock.of(WarehouseRows.sourceCount(date, t)))))
        .and(files.apply("SourceFileRows", MapElements
            .into(TypeDescriptor.of(RowBlock.class))
            .via(f -> RowBlock.of(WarehouseRows.exportFile(date, f)))))
        .and(parsed.get(RECONCILED).apply("ReconciliationRows", MapElements
            .into(TypeDescriptor.of(RowBlock.class))
            .via(r -> RowBlock.of(WarehouseRows.reconciliation(date, r)))))
        .and(parsed.get(PRICE_BREAKS).apply("PriceBreakRows", MapElements
            .into(TypeDescriptor.of(RowBlock.class))
            .via(b -> RowBlock.of(WarehouseRows.priceBreak(date, b)))))
        .and(problems.apply("ProblemRows", MapElements
            .into(TypeDescriptor.of(RowBlock.class))
            .via(pr -> RowBlock.of(WarehouseRows.problem(pr)))))
        .apply("WarehouseRows", Flatten.pCollections());
    return PCollectionTuple.of(ACCOUNTS, joined.get(ACCOUNTS))
        .and(REJECTED, rejected)
        .and(TALLIES, tallies)
        .and(FILES, files)
        .and(RECONCILED, parsed.get(RECONCILED))
        .and(PRICE_BREAKS, parsed.get(PRICE_BREAKS))
        .and(PROBLEMS, problems)
        .and(ROWS, rows);
  }

  /** The models' symbols against the price history: a buy at a stale close is a wrong trade. */
  static final class JudgeModelPrices extends DoFn<LocalDate, InputProblem> {
    private final ReferenceData reference;
    private final String pricesFile;
    private final ValidationRules rules;

    JudgeModelPrices(ReferenceData reference, String pricesFile, ValidationRules rules) {
      this.reference = reference;
      this.pricesFile = pricesFile;
      this.rules = rules;
    }

    @ProcessElement
    public void process(@Element LocalDate runDate, OutputReceiver<InputProblem> out,
        ProcessContext c) {
      ReferenceData.Values values = reference.read(c);
      PriceChecks.staleModelSymbols(values.models().values(), values.prices(), runDate,
          rules.maxPriceAgeDays(), pricesFile).forEach(out::output);
    }
  }

  /** Partial tallies of parallel workers, added up. */
  private static <T> T sum(Iterable<T> parts, BinaryOperator<T> plus) {
    T total = null;
    for (T t : parts) {
      total = total == null ? t : plus.apply(total, t);
    }
    return total;
  }

  /** A source's uri as the files it names: one for a path or URL, every match for a glob. */
  static final class MatchFiles extends DoFn<SourceConfig, SourceFile> {
    @ProcessElement
    public void process(@Element SourceConfig source, OutputReceiver<SourceFile> out)
        throws IOException {
      if (source.isUrl()) {
        out.output(new SourceFile(source.id(), source.brokerage(), source.uri(),
            source.account()));
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
          .forEach(f -> out.output(new SourceFile(source.id(), source.brokerage(), f,
              source.account())));
    }
  }

  /**
   * A large local canonical file as parts cut at line ends, for several workers to parse at once;
   * any other file as one part (layouts with title lines and account blocks read top to bottom).
   */
  static final class SplitFiles extends DoFn<SourceFile, FilePart> {
    private final Map<String, String> formatBySource;
    private final long partBytes;

    SplitFiles(Map<String, String> formatBySource, long partBytes) {
      this.formatBySource = formatBySource;
      this.partBytes = partBytes;
    }

    @ProcessElement
    public void process(@Element SourceFile file, OutputReceiver<FilePart> out) {
      if (TextSources.isUrl(file.uri())
          || !CanonicalFormat.NAME.equals(formatBySource.get(file.sourceId()))) {
        out.output(FilePart.whole(file));
        return;
      }
      String what = "source " + file.sourceId();
      Path path = Path.of(file.uri());
      if (sizeOf(what, file.uri(), path) <= partBytes) {
        out.output(FilePart.whole(file)); // its parser finds the charset: no pass over it here
        return;
      }
      var charset = TextSources.charsetOf(what, file.uri(), path);
      FileParts.split(file, path, charset.name(),
          () -> TextSources.open(what, file.uri(), path, charset, 0, -1), partBytes)
          .forEach(out::output);
    }

    private static long sizeOf(String what, String uri, Path path) {
      try {
        return Files.size(path);
      } catch (IOException e) {
        throw new InputException(what + ": cannot read " + uri + ": " + e);
      }
    }
  }
}
