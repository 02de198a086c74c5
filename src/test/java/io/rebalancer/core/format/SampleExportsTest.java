package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.rebalancer.config.ConfigLoader;
import io.rebalancer.config.PipelineConfig;
import io.rebalancer.config.SourceConfig;
import io.rebalancer.core.Holding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The sample book's six exports, read with the layouts pipelines/custom-format-example.yaml gives
 * them: the dates they state, the totals they state, and that each account's holdings add up to
 * its totals to the cent, so that the sample passes the pipeline's reconciliation.
 */
class SampleExportsTest {
  private static final PipelineConfig CONFIG =
      ConfigLoader.load(Path.of("pipelines/custom-format-example.yaml"));
  private static final LocalDate SAMPLE_DATE = LocalDate.of(2026, 11, 20);

  /** The one file the source's uri (a path or a glob in its folder) matches. */
  private static RecordingSink read(String sourceId) {
    SourceConfig source = CONFIG.sources().stream().filter(s -> s.id().equals(sourceId))
        .findFirst().orElseThrow();
    Path uri = Path.of(source.uri());
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(uri.getParent(), uri.getFileName().toString())) {
      Path file = files.iterator().next();
      return RecordingSink.read(CONFIG.formatOf(source),
          new SourceFile(source.id(), file.toString(), source.account()),
          Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each stated total equals the sum of quantity × price of its account's holdings. */
  private static void holdingsAddUpToTheirTotals(RecordingSink sink) {
    assertThat(sink.rejected, is(empty()));
    for (StatedTotal total : sink.totals) {
      BigDecimal sum = sink.holdings.stream()
          .filter(h -> h.accountId().equals(total.accountId()))
          .filter(h -> total.includesCash() || !h.cash())
          .map(Holding::marketValue).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(total.toString(), sum.setScale(2, RoundingMode.HALF_EVEN),
          comparesEqualTo(total.amount().setScale(2, RoundingMode.HALF_EVEN)));
    }
  }

  private static LocalDate dateOf(RecordingSink sink) {
    return sink.asOfs.get(0).date();
  }

  @Test
  void schwab() {
    RecordingSink sink = read("BROKERAGE_001");
    assertThat(dateOf(sink), is(SAMPLE_DATE));
    assertThat(sink.asOf(), is("2026-11-20 19:28 line 1"));
    assertThat(sink.totals(), contains("1234|Account Total|164164.68|with cash|8",
        "5678|Account Total|67908.00|with cash|14"));
    holdingsAddUpToTheirTotals(sink);
    assertThat(sink.lots().size(), is(sink.holdings.stream().filter(h -> !h.cash()).toList()
        .size())); // every position states its Cost Basis: one lot each
  }

  @Test
  void fidelityStatesADateButNoTotals() {
    RecordingSink sink = read("BROKERAGE_002");
    assertThat(sink.asOf(), is("2026-11-20 19:02 line 10"));
    assertThat(sink.totals, is(empty()));
    assertThat(sink.rejected, is(empty()));
    assertThat(sink.lots(), contains(
        "Z12345678|VXUS|Portfolio_Positions_Nov-20-2026.csv:3|-|800|48800.00|3",
        "Z12345678|MSFT|Portfolio_Positions_Nov-20-2026.csv:4|-|40|16400.00|4"));
  }

  @Test
  void vanguardStatesNeitherDateNorTotals() {
    RecordingSink sink = read("BROKERAGE_003");
    assertThat(sink.asOf(), is(nullValue()));
    assertThat(sink.totals, is(empty()));
    assertThat(sink.lots, is(empty())); // no cost-basis column
  }

  @Test
  void etrade() {
    RecordingSink sink = read("BROKERAGE_004");
    assertThat(dateOf(sink), is(SAMPLE_DATE));
    assertThat(sink.asOf(), is("2026-11-20 19:12 line 16"));
    assertThat(sink.totals(), contains("2203|Net Account Value|44856.82|with cash|3",
        "2203|TOTAL|44856.82|with cash|14"));
    holdingsAddUpToTheirTotals(sink);
    assertThat(sink.lots, is(empty())); // Price Paid is per share, not a total cost basis
  }

  @Test
  void ibkr() {
    RecordingSink sink = read("BROKERAGE_005");
    assertThat(sink.asOf(), is("2026-11-20 - line 4"));
    assertThat(sink.totals(), contains(
        "U1234567|Open Positions Total (USD)|30354.730805|no cash|14"));
    holdingsAddUpToTheirTotals(sink);
    // BND's two Lot rows, one bought within a year of the run date and one more than a year
    // before; VXUS has no Lot rows, so its Summary's Cost Basis is one lot of unknown date
    assertThat(sink.lots(), contains(
        "U1234567|BND|U1234567_20261120.csv:11|2026-06-02|250|18102.5|11",
        "U1234567|BND|U1234567_20261120.csv:12|2024-03-15|150|11077.5|12",
        "U1234567|VXUS|U1234567_20261120.csv:13|-|10.0545|636.162|13"));
  }

  @Test
  void customDepotLayout() {
    RecordingSink sink = read("BROKERAGE_006");
    assertThat(sink.asOf(), is("2026-11-20 - line 2"));
    assertThat(sink.totals(), contains("ACME-7781|Total|50416.65|with cash|9"));
    holdingsAddUpToTheirTotals(sink);
  }

  @Test
  void everySampleThatStatesADateStatesTheSampleDate() {
    for (String source : new String[] {"BROKERAGE_001", "BROKERAGE_002", "BROKERAGE_004",
        "BROKERAGE_005", "BROKERAGE_006"}) {
      assertThat(source, dateOf(read(source)), is(SAMPLE_DATE));
    }
    assertThat(CONFIG.sources().stream().map(SourceConfig::id).toList(), containsInAnyOrder(
        "BROKERAGE_001", "BROKERAGE_002", "BROKERAGE_003", "BROKERAGE_004", "BROKERAGE_005",
        "BROKERAGE_006"));
  }
}
