package io.rebalancer.config;

import io.rebalancer.core.format.FormatSpec;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.RebalanceMode;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.TradeTo;
import io.rebalancer.core.trust.ValidationRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  /** The smallest valid config: one source and the models file. */
  private static final String MINIMAL = """
      sources:
        - id: B1
          uri: {positions}
          format: canonical
      models: {models}
      """;

  @TempDir Path dir;
  private Path models;
  private Path positions;

  @BeforeEach
  void files() throws IOException {
    models = Files.writeString(dir.resolve("models.csv"), "model_id,symbol,target_weight\n");
    positions = Files.writeString(dir.resolve("positions.csv"), "account_id,symbol\n");
  }

  /** A config file in the temp folder; {models} and {positions} stand for the absolute paths. */
  private Path yaml(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text
        .replace("{models}", models.toString())
        .replace("{positions}", positions.toString())
        .replace("{dir}", dir.toString()));
  }

  private Path yaml(String text) throws IOException {
    return yaml("pipeline.yaml", text);
  }

  /** Amounts compared by value: YAML may write 100.00 as 1E+2. */
  private static void assertRules(RebalanceRules r, String absoluteBand, String relativeBand,
      String minTradeValue, boolean wholeShares, int quantityScale, List<String> restricted) {
    assertThat(r.absoluteBand(), comparesEqualTo(new BigDecimal(absoluteBand)));
    assertThat(r.relativeBand(), comparesEqualTo(new BigDecimal(relativeBand)));
    assertThat(r.minTradeValue(), comparesEqualTo(new BigDecimal(minTradeValue)));
    assertThat(r.wholeShares(), is(wholeShares));
    assertThat(r.quantityScale(), is(quantityScale));
    assertThat(r.restricted(), is(restricted));
  }

  private ConfigException failure(String text) throws IOException {
    Path file = yaml(text);
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertThat("the error names the file", e.getMessage(), containsString(file.toString()));
    return e;
  }

  @Test
  void sampleConfigLoadsFromTheProjectRoot() {
    Path root = Path.of(System.getProperty("user.dir"));

    PipelineConfig c = ConfigLoader.load(Path.of("pipelines/daily-rebalance.yaml"));

    assertThat(c.name(), is("daily-rebalance"));
    assertThat(c.sources().stream().map(SourceConfig::id).toList(), contains("BROKERAGE_001",
        "BROKERAGE_002", "BROKERAGE_003", "BROKERAGE_004", "BROKERAGE_005"));
    assertThat(c.sources().get(2), is(new SourceConfig("BROKERAGE_003",
        root.resolve("sample-data/brokerages/BROKERAGE_003/OfxDownload.csv").toString(),
        "vanguard-ofx", null)));
    assertThat(c.accounts(), is(root.resolve("sample-data/accounts.csv").toString()));
    assertThat(c.models(), is(root.resolve("sample-data/models.csv").toString()));
    assertThat(c.prices(), is(root.resolve("sample-data/prices.csv").toString()));
    assertThat(c.securities(), is(root.resolve("sample-data/securities.csv").toString()));
    assertThat(c.households(), is(nullValue()));
    assertThat(c.classModels(), is(nullValue()));
    assertRules(c.rebalance(), "0.05", "0.25", "100.00", true, 6, List.of());
    assertThat(c.tradeOrderShards(), is(4));
    assertThat(c.maxRejectedRows(), is(0L));
  }

  @Test
  void defaultsApplyToEveryOptionalKey() throws IOException {
    PipelineConfig c = ConfigLoader.load(yaml("nightly.yaml", MINIMAL));

    assertThat(c.name(), is("nightly"));
    assertThat(c.file(), is(dir.resolve("nightly.yaml").toString()));
    assertThat(c.sources(), contains(new SourceConfig("B1", positions.toString(), "canonical",
        null)));
    assertThat(c.accounts(), is(nullValue()));
    assertThat(c.prices(), is(nullValue()));
    assertRules(c.rebalance(), "0.05", "0.25", "100.00", true, 6, List.of());
    assertThat(c.tradeOrderShards(), is(4));
    assertThat(c.maxRejectedRows(), is(0L));
  }

  @Test
  void readsEverySection() throws IOException {
    Path accounts = Files.writeString(dir.resolve("accounts.csv"), "x\n");
    Path prices = Files.writeString(dir.resolve("prices.csv"), "x\n");

    PipelineConfig c = ConfigLoader.load(yaml("""
        name: weekly
        sources:
          - id: B1
            uri: {positions}
            format: canonical
            account: "XXXX-1234"
        accounts: {dir}/accounts.csv
        models: {models}
        prices: {dir}/prices.csv
        rebalance:
          absoluteBand: 0.03
          relativeBand: 0.2
          minTradeValue: 50
          wholeShares: false
          quantityScale: 4
          restricted: [TSLA, GME]
        output:
          tradeOrderShards: 2
        validation:
          maxRejectedRows: 7
        formats: {}
        """));

    assertThat(c.name(), is("weekly"));
    assertThat(c.sources().get(0).account(), is("XXXX-1234"));
    assertThat(c.accounts(), is(accounts.toString()));
    assertThat(c.prices(), is(prices.toString()));
    assertRules(c.rebalance(), "0.03", "0.2", "50", false, 4, List.of("TSLA", "GME"));
    assertThat(c.tradeOrderShards(), is(2));
    assertThat(c.maxRejectedRows(), is(7L));
  }

  @Test
  void advisorInputsAndModesAreReadAndAreAbsentByDefault() throws IOException {
    PipelineConfig none = ConfigLoader.load(yaml(MINIMAL));
    assertThat(none.securities(), is(nullValue()));
    assertThat(none.households(), is(nullValue()));
    assertThat(none.classModels(), is(nullValue()));
    assertThat(none.rebalance(), is(RebalanceRules.defaults()));
    assertThat(none.rebalance().mode(), is(RebalanceMode.BANDS));
    assertThat(none.rebalance().tradeTo(), is(TradeTo.TARGET));

    Path securities = Files.writeString(dir.resolve("securities.csv"), "x\n");
    Path households = Files.writeString(dir.resolve("households.csv"), "x\n");
    Path classModels = Files.writeString(dir.resolve("class-models.csv"), "x\n");
    PipelineConfig c = ConfigLoader.load(yaml(MINIMAL + """
        securities: {dir}/securities.csv
        households: {dir}/households.csv
        classModels: {dir}/class-models.csv
        rebalance:
          mode: buy-only
          tradeTo: band-edge
        """));
    assertThat(c.securities(), is(securities.toString()));
    assertThat(c.households(), is(households.toString()));
    assertThat(c.classModels(), is(classModels.toString()));
    assertThat(c.rebalance().mode(), is(RebalanceMode.BUY_ONLY));
    assertThat(c.rebalance().tradeTo(), is(TradeTo.BAND_EDGE));
    assertRules(c.rebalance(), "0.05", "0.25", "100.00", true, 6, List.of());
  }

  @Test
  void taxLotsAndTaxAwarenessAreReadAndAreOffByDefault() throws IOException {
    PipelineConfig none = ConfigLoader.load(yaml(MINIMAL));
    assertThat(none.lots(), is(nullValue()));
    assertThat(none.rebalance().taxAware(), is(false));
    assertThat(none.rebalance().avoidShortTermGains(), is(false));

    Path lots = Files.writeString(dir.resolve("lots.csv"), "x\n");
    PipelineConfig c = ConfigLoader.load(yaml(MINIMAL + """
        lots: {dir}/lots.csv
        rebalance:
          taxAware: true
          avoidShortTermGains: true
        """));
    assertThat(c.lots(), is(lots.toString()));
    assertThat(c.rebalance().taxAware(), is(true));
    assertThat(c.rebalance().avoidShortTermGains(), is(true));
    assertThat(ConfigLoader.load(yaml(MINIMAL + "rebalance:\n  taxAware: true\n"))
        .rebalance().avoidShortTermGains(), is(false));
  }

  @Test
  void avoidingShortTermGainsWithoutTaxAwarenessIsRefusedNotIgnored() throws IOException {
    assertThat(failure(MINIMAL + "rebalance:\n  avoidShortTermGains: true\n").getMessage(),
        containsString(": rebalance.avoidShortTermGains: needs rebalance.taxAware: true as well"));
    assertThat(failure(MINIMAL + "lots: {dir}/nope.csv\n").getMessage(),
        containsString("lots: no such file"));
  }

  @Test
  void anUnknownModeOrTradeToNamesTheKeyAndTheWordsAllowed() throws IOException {
    assertThat(failure(MINIMAL + "rebalance:\n  mode: buy_only\n").getMessage(),
        containsString(": rebalance.mode: 'buy_only' is not one of bands, buy-only"));
    assertThat(failure(MINIMAL + "rebalance:\n  tradeTo: edge\n").getMessage(),
        containsString(": rebalance.tradeTo: 'edge' is not one of target, band-edge"));
    assertThat(failure(MINIMAL + "rebalance:\n  mode: [bands]\n").getMessage(),
        containsString("rebalance.mode: expected a text value"));
  }

  @Test
  void anAdvisorInputThatDoesNotExistIsNamedByItsKey() throws IOException {
    for (String key : List.of("securities", "households", "classModels")) {
      assertThat(failure(MINIMAL + key + ": {dir}/nope.csv\n").getMessage(),
          allOf(containsString(": " + key + ": no such file"), containsString("nope.csv")));
    }
  }

  @Test
  void validationDefaultsAndEveryKey() throws IOException {
    ValidationRules d = ConfigLoader.load(yaml(MINIMAL)).validation();
    assertThat(d, is(ValidationRules.defaults()));
    assertThat(d.maxExportAgeDays(), is(3));
    assertThat(d.totalTolerance(), comparesEqualTo(new BigDecimal("0.01")));
    assertThat(d.maxPriceAgeDays(), is(5));
    assertThat(d.priceBreakTolerance(), comparesEqualTo(new BigDecimal("0.05")));

    ValidationRules v = ConfigLoader.load(yaml(MINIMAL + """
        validation:
          maxRejectedRows: 2
          maxExportAgeDays: 0
          totalTolerance: 0.5
          maxPriceAgeDays: 10
          priceBreakTolerance: 0.02
        """)).validation();
    assertThat(v.maxRejectedRows(), is(2L));
    assertThat(v.maxExportAgeDays(), is(0));
    assertThat(v.totalTolerance(), comparesEqualTo(new BigDecimal("0.5")));
    assertThat(v.maxPriceAgeDays(), is(10));
    assertThat(v.priceBreakTolerance(), comparesEqualTo(new BigDecimal("0.02")));
  }

  @Test
  void aNegativeToleranceOrAgeIsAnErrorNamingTheKey() throws IOException {
    assertThat(failure(MINIMAL + "validation:\n  totalTolerance: -0.01\n").getMessage(),
        containsString("validation.totalTolerance"));
    assertThat(failure(MINIMAL + "validation:\n  maxExportAgeDays: -1\n").getMessage(),
        containsString("validation.maxExportAgeDays"));
  }

  @Test
  void aPinnedRunDateIsReadAndAWrongOneNamesTheKey() throws IOException {
    assertThat(ConfigLoader.load(yaml(MINIMAL)).runDate(), is(nullValue()));
    assertThat(ConfigLoader.load(yaml("runDate: 2026-11-20\n" + MINIMAL)).runDate(),
        is(LocalDate.of(2026, 11, 20)));
    assertThat(failure("runDate: 2026-13-01\n" + MINIMAL).getMessage(),
        containsString("runDate: '2026-13-01' is not a date (YYYY-MM-DD)"));
  }

  @Test
  void twoSourcesMayNameOneBrokerage() throws IOException {
    PipelineConfig c = ConfigLoader.load(yaml("""
        sources:
          - id: B1_TAXABLE
            brokerage: B1
            uri: {positions}
            format: canonical
          - id: B1_IRA
            brokerage: B1
            uri: {positions}
            format: canonical
        models: {models}
        """));
    assertThat(c.sources().stream().map(SourceConfig::brokerage).toList(), contains("B1", "B1"));
    assertThat(c.sources().get(0).id(), is("B1_TAXABLE"));
  }

  @Test
  void relativePathsBecomeAbsoluteAgainstTheWorkingDirectory() throws IOException {
    Path cwd = Path.of(System.getProperty("user.dir"));

    PipelineConfig c = ConfigLoader.load(yaml("""
        sources:
          - id: B1
            uri: sample-data/brokerages/BROKERAGE_003/OfxDownload.csv
            format: canonical
        models: ./sample-data/../sample-data/models.csv
        """));

    assertThat(c.models(), is(cwd.resolve("sample-data/models.csv").toString()));
    assertThat(c.sources().get(0).uri(),
        is(cwd.resolve("sample-data/brokerages/BROKERAGE_003/OfxDownload.csv").toString()));
  }

  @Test
  void globInTheFileNameMatchingFiles() throws IOException {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    Files.writeString(exports.resolve("positions-1.csv"), "a\n");
    Files.writeString(exports.resolve("positions-2.csv"), "a\n");

    PipelineConfig c = ConfigLoader.load(yaml("""
        sources:
          - id: B1
            uri: {dir}/exports/positions-*.csv
            format: canonical
        models: {models}
        """));

    assertThat(c.sources().get(0).uri(), is(exports.resolve("positions-*.csv").toString()));
  }

  @Test
  void globMatchingNothingNamesTheSource() throws IOException {
    ConfigException e = failure("""
        sources:
          - id: B1
            uri: {dir}/holdings-*.csv
            format: canonical
        models: {models}
        """);

    assertThat(e.getMessage(), allOf(containsString("sources[0].uri"), containsString("B1"),
        containsString("no file matches")));
  }

  @Test
  void aSourceIsFetchedWithTwoRetriesTwoSecondsApartUnlessItSaysOtherwise() throws IOException {
    PipelineConfig c = ConfigLoader.load(yaml("""
        sources:
          - id: B1
            uri: https://exports.example.com/b1/positions.csv
            format: canonical
          - id: B2
            uri: https://exports.example.com/b2/positions.csv
            format: canonical
            retries: 0
            retryDelay: 5m
            timeout: 500ms
          - id: B3
            uri: {positions}
            format: canonical
            retries: 4
            retryDelay: 1h
            timeout: 10s
        models: {models}
        """));

    assertThat(c.sources().get(0).fetch(), is(new FetchPolicy(2, 2_000, 30_000)));
    assertThat(c.sources().get(1).fetch(), is(new FetchPolicy(0, 300_000, 500)));
    assertThat(c.sources().get(1).fetch().attempts(), is(1));
    // a local source may carry them (they do nothing there): its uri alone decides
    assertThat(c.sources().get(2).fetch(), is(new FetchPolicy(4, 3_600_000, 10_000)));
  }

  /** The second of two sources with key: value, whose error must name it by index and id. */
  private String fetchKeyError(String key, String value) throws IOException {
    Path file = yaml(MINIMAL.replace("models:", """
          - id: BROKERAGE_003
            uri: https://exports.example.com/positions.csv
            format: canonical
            %s: %s
        models:""".formatted(key, value)));
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    return e.getMessage().replace(file.toString(), "pipeline.yaml");
  }

  @Test
  void aWrongRetriesRetryDelayOrTimeoutIsOneLineNamingTheSourceAndTheKey() throws IOException {
    assertThat(fetchKeyError("retryDelay", "soon"), is("pipeline.yaml: sources[1].retryDelay:"
        + " source BROKERAGE_003: 'soon' is not a duration such as 500ms, 30s or 5m"));
    assertThat(fetchKeyError("retryDelay", "30"), is("pipeline.yaml: sources[1].retryDelay:"
        + " source BROKERAGE_003: '30' is not a duration such as 500ms, 30s or 5m"));
    assertThat(fetchKeyError("retryDelay", "1.5s"), is("pipeline.yaml: sources[1].retryDelay:"
        + " source BROKERAGE_003: '1.5s' is not a duration such as 500ms, 30s or 5m"));
    assertThat(fetchKeyError("retryDelay", "2h"), is("pipeline.yaml: sources[1].retryDelay:"
        + " source BROKERAGE_003: must be between 0ms and 1h, got 2h"));
    assertThat(fetchKeyError("timeout", "0s"), is("pipeline.yaml: sources[1].timeout:"
        + " source BROKERAGE_003: must be between 1ms and 1h, got 0s"));
    assertThat(fetchKeyError("timeout", "[30s]"), is("pipeline.yaml: sources[1].timeout:"
        + " source BROKERAGE_003: a list is not a duration such as 500ms, 30s or 5m"));
    assertThat(fetchKeyError("retries", "-1"), is("pipeline.yaml: sources[1].retries:"
        + " source BROKERAGE_003: must be between 0 and 100, got -1"));
    assertThat(fetchKeyError("retries", "two"), is("pipeline.yaml: sources[1].retries:"
        + " source BROKERAGE_003: expected a whole number, got 'two'"));
    assertThat(fetchKeyError("retries", "1.5"), is("pipeline.yaml: sources[1].retries:"
        + " source BROKERAGE_003: expected a whole number, got '1.5'"));
    assertThat(fetchKeyError("retrys", "3"), containsString("pipeline.yaml: sources[1].retrys:"
        + " unknown key (allowed: account, brokerage, format, id, retries, retryDelay, timeout,"
        + " uri)"));
  }

  @Test
  void unknownTopLevelKeyIsNamed() throws IOException {
    ConfigException e = failure(MINIMAL + "shedule: daily\n");

    assertThat(e.getMessage(), allOf(containsString("shedule"), containsString("unknown key")));
  }

  @Test
  void unknownNestedKeyIsNamedWithItsPath() throws IOException {
    ConfigException e = failure(MINIMAL + "rebalance:\n  absolutBand: 0.05\n");

    assertThat(e.getMessage(), allOf(containsString("rebalance.absolutBand"),
        containsString("unknown key")));
  }

  @Test
  void unknownKeyInASourceIsNamedWithItsIndex() throws IOException {
    ConfigException e = failure("""
        sources:
          - id: B1
            uri: {positions}
            format: canonical
            path: x
        models: {models}
        """);

    assertThat(e.getMessage(), containsString("sources[0].path"));
  }

  @Test
  void missingModelsIsAnError() throws IOException {
    ConfigException e = failure("""
        sources:
          - id: B1
            uri: {positions}
            format: canonical
        """);

    assertThat(e.getMessage(), allOf(containsString("models"), containsString("required")));
  }

  @Test
  void missingSourcesIsAnError() throws IOException {
    ConfigException e = failure("models: {models}\n");

    assertThat(e.getMessage(), allOf(containsString("sources"), containsString("required")));
  }

  @Test
  void modelsFileThatDoesNotExistIsNamed() throws IOException {
    ConfigException e = failure(MINIMAL.replace("{models}", "{dir}/nope.csv"));

    assertThat(e.getMessage(), allOf(containsString("models"), containsString("nope.csv")));
  }

  @Test
  void wrongTypeForAbsoluteBandIsNamed() throws IOException {
    ConfigException e = failure(MINIMAL + "rebalance:\n  absoluteBand: five percent\n");

    assertThat(e.getMessage(), allOf(containsString("rebalance.absoluteBand"),
        containsString("expected a number")));
  }

  @Test
  void negativeBandIsAnError() throws IOException {
    ConfigException e = failure(MINIMAL + "rebalance:\n  absoluteBand: -0.05\n");

    assertThat(e.getMessage(), containsString("rebalance.absoluteBand"));
  }

  @Test
  void wrongTypeForWholeSharesIsNamed() throws IOException {
    ConfigException e = failure(MINIMAL + "rebalance:\n  wholeShares: sometimes\n");

    assertThat(e.getMessage(), containsString("rebalance.wholeShares"));
  }

  @Test
  void shardCountOutOfRangeIsNamed() throws IOException {
    ConfigException e = failure(MINIMAL + "output:\n  tradeOrderShards: 0\n");

    assertThat(e.getMessage(), containsString("output.tradeOrderShards"));
  }

  @Test
  void missingSourceFileNamesTheSourceId() throws IOException {
    ConfigException e = failure("""
        sources:
          - id: B1
            uri: {positions}
            format: canonical
          - id: SCHWAB_IRA
            uri: {dir}/missing/positions.csv
            format: canonical
        models: {models}
        """);

    assertThat(e.getMessage(), allOf(containsString("sources[1].uri"),
        containsString("SCHWAB_IRA"), containsString("missing/positions.csv")));
  }

  @Test
  void duplicateSourceIdIsAnError() throws IOException {
    ConfigException e = failure("""
        sources:
          - id: B1
            uri: {positions}
            format: canonical
          - id: B1
            uri: {positions}
            format: canonical
        models: {models}
        """);

    assertThat(e.getMessage(), allOf(containsString("sources[1].id"),
        containsString("duplicate source id B1")));
  }

  @Test
  void unknownFormatIsNamed() throws IOException {
    ConfigException e = failure("""
        sources:
          - id: B1
            uri: {positions}
            format: morningstar-xml
        models: {models}
        """);

    assertThat(e.getMessage(), allOf(containsString("sources[0].format"),
        containsString("morningstar-xml"), containsString("canonical")));
  }

  @Test
  void sourceWithoutFormatIsAnError() throws IOException {
    ConfigException e = failure("""
        sources:
          - id: B1
            uri: {positions}
        models: {models}
        """);

    assertThat(e.getMessage(), allOf(containsString("sources[0].format"),
        containsString("required")));
  }

  @Test
  void keyGivenTwiceIsAnError() throws IOException {
    ConfigException e = failure(MINIMAL + "models: {models}\n");

    assertThat(e.getMessage(), containsString("models"));
  }

  @Test
  void configThatIsNotAMappingIsAnError() throws IOException {
    failure("- just\n- a list\n");
  }

  @Test
  void missingConfigFileIsAnError() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(dir.resolve("absent.yaml")));

    assertThat(e.getMessage(), containsString("absent.yaml"));
  }

  @Test
  void unquotedAccountNumberKeepsItsDigitsOrIsAnError() throws IOException {
    Path file = yaml(MINIMAL.replace("format: canonical",
        "format: canonical\n    account: 0012345"));

    PipelineConfig c;
    try {
      c = ConfigLoader.load(file);
    } catch (ConfigException e) {
      assertThat(e.getMessage(), containsString("sources[0].account"));
      return;
    }
    assertThat(c.sources().get(0).account(), is("0012345"));
  }

  private static final String CUSTOM = """
      formats:
        acme:
          header:
            marker: Ticker
          columns:
            symbol: Ticker
            quantity: Units
            marketValue: Value
          cash:
            assetClasses: [Liquidity]
          endRows: [Total]
          numbers:
            thousandsSeparator: "'"
      """;

  @Test
  void aSourceMayUseALayoutDescribedUnderFormats() throws IOException {
    PipelineConfig c = ConfigLoader.load(yaml(MINIMAL.replace("format: canonical", "format: acme")
        + CUSTOM));
    FormatSpec acme = c.formats().get("acme");
    assertThat(acme.headerMarker(), is("Ticker"));
    assertThat(acme.price(), is(nullValue()));
    assertThat(acme.thousandsSeparator(), is("'"));
    assertThat(acme.decimalSeparator(), is("."));
    assertThat(c.formatOf(c.sources().get(0)).name(), is("acme"));
  }

  @Test
  void aCustomLayoutsKeysAreCheckedByName() throws IOException {
    ConfigException unknown = failure(MINIMAL + CUSTOM.replace("endRows:", "endRow:"));
    assertThat(unknown.getMessage(), containsString("formats.acme.endRow: unknown key"));
    ConfigException both = failure(MINIMAL + CUSTOM.replace("marker: Ticker",
        "marker: Ticker\n      line: 3"));
    assertThat(both.getMessage(), containsString("formats.acme.header: set exactly one of line"));
    ConfigException noSymbol = failure(MINIMAL + CUSTOM.replace("      symbol: Ticker\n", ""));
    assertThat(noSymbol.getMessage(), containsString("formats.acme.columns.symbol: is required"));
    ConfigException builtIn = failure(MINIMAL + CUSTOM.replace("  acme:", "  canonical:"));
    assertThat(builtIn.getMessage(), containsString("formats.canonical: 'canonical' is a built-in"));
  }

  @Test
  void aCustomLayoutMayNameItsCostBasisColumn() throws IOException {
    FormatSpec withLots = ConfigLoader.load(yaml(MINIMAL + CUSTOM.replace("marketValue: Value",
        "marketValue: Value\n      costBasis: Cost"))).formats().get("acme");
    assertThat(withLots.costBasis(), is("Cost"));
    assertThat(ConfigLoader.load(yaml(MINIMAL + CUSTOM)).formats().get("acme").costBasis(),
        is(nullValue()));
    assertThat(failure(MINIMAL + CUSTOM.replace("marketValue: Value",
        "marketValue: Value\n      costbasis: Cost")).getMessage(),
        containsString("formats.acme.columns.costbasis: unknown key"));
  }

  private static final String DATED_TOTALS = CUSTOM + """
          asOf:
            marker: valuation date
            pattern: dd.MM.yyyy
          totalRow:
            marker: Total
            column: Value
      """;

  @Test
  void aCustomLayoutMayStateItsDateAndTotalRow() throws IOException {
    FormatSpec acme = ConfigLoader.load(yaml(MINIMAL + DATED_TOTALS)).formats().get("acme");
    assertThat(acme.asOf(), is(new FormatSpec.DateLine("valuation date", "dd.MM.yyyy")));
    assertThat(acme.totalRow(), is(new FormatSpec.TotalRow("Total", "Value", true)));
    FormatSpec noCash = ConfigLoader.load(yaml(MINIMAL + DATED_TOTALS.replace("column: Value",
        "column: Value\n      includesCash: false"))).formats().get("acme");
    assertThat(noCash.totalRow().includesCash(), is(false));
    FormatSpec neither = ConfigLoader.load(yaml(MINIMAL + CUSTOM)).formats().get("acme");
    assertThat(neither.asOf(), is(nullValue()));
    assertThat(neither.totalRow(), is(nullValue()));
  }

  @Test
  void asOfAndTotalRowKeysAreCheckedByName() throws IOException {
    assertThat(failure(MINIMAL + DATED_TOTALS.replace("pattern: dd.MM.yyyy", "pattern: dd.MM"))
        .getMessage(), containsString("formats.acme.asOf.pattern: 'dd.MM' is not a date pattern"
        + " that reads day, month and year"));
    assertThat(failure(MINIMAL + DATED_TOTALS.replace("pattern: dd.MM.yyyy", "pattern: \"{x}\""))
        .getMessage(), containsString("formats.acme.asOf.pattern: '{x}' is not a date pattern"));
    assertThat(failure(MINIMAL + DATED_TOTALS.replace("      pattern: dd.MM.yyyy\n", ""))
        .getMessage(), containsString("formats.acme.asOf.pattern: is required"));
    assertThat(failure(MINIMAL + DATED_TOTALS.replace("      marker: valuation date\n", ""))
        .getMessage(), containsString("formats.acme.asOf.marker: is required"));
    assertThat(failure(MINIMAL + DATED_TOTALS.replace("pattern: dd.MM.yyyy",
        "pattern: dd.MM.yyyy\n      format: x")).getMessage(),
        containsString("formats.acme.asOf.format: unknown key"));
    assertThat(failure(MINIMAL + DATED_TOTALS.replace("      column: Value\n", ""))
        .getMessage(), containsString("formats.acme.totalRow.column: is required"));
    assertThat(failure(MINIMAL + DATED_TOTALS.replace("      marker: Total\n", ""))
        .getMessage(), containsString("formats.acme.totalRow.marker: is required"));
    assertThat(failure(MINIMAL + DATED_TOTALS.replace("column: Value",
        "column: Value\n      includesCash: maybe")).getMessage(),
        containsString("formats.acme.totalRow.includesCash: expected true or false"));
    assertThat(failure(MINIMAL + CUSTOM + "    asOf: valuation date\n").getMessage(),
        containsString("formats.acme.asOf: expected a mapping of keys"));
  }

  @Test
  void theCustomFormatExampleStatesTheDepotsDateAndTotal() {
    FormatSpec depot = ConfigLoader.load(Path.of("pipelines/custom-format-example.yaml"))
        .formats().get("acme-depot");
    assertThat(depot.asOf(), is(new FormatSpec.DateLine("valuation date", "dd.MM.yyyy")));
    assertThat(depot.totalRow(), is(new FormatSpec.TotalRow("Total", "Value (USD)", true)));
  }

  @Test
  void theCustomFormatExampleLoads() {
    PipelineConfig c = ConfigLoader.load(Path.of("pipelines/custom-format-example.yaml"));
    assertThat(c.sources().size(), is(6));
    assertThat(c.formats().keySet(), contains("acme-depot"));
  }
}
