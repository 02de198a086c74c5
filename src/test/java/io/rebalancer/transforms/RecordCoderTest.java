package io.rebalancer.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.config.FetchPolicy;
import io.rebalancer.config.SourceConfig;
import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountHoldings;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Allocation;
import io.rebalancer.core.Holding;
import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.Lot;
import io.rebalancer.core.Position;
import io.rebalancer.core.Side;
import io.rebalancer.core.SourceTally;
import io.rebalancer.core.TradeOrder;
import io.rebalancer.core.UnplacedTrade;
import io.rebalancer.core.format.AsOf;
import io.rebalancer.core.trust.ExportFile;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

class RecordCoderTest {

  private static <T> T roundTrip(Coder<T> coder, T value) throws CoderException {
    return CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, value));
  }

  private static Holding holding() {
    return new Holding("BROKERAGE_001", "XXXX-1234", "VTI", new BigDecimal("120.500"),
        new BigDecimal("250.10"), "EQUITY", false, "BROKERAGE_001",
        "/data/BROKERAGE_001/positions.csv", 7L);
  }

  private static AccountAnalysis analysis() {
    return new AccountAnalysis(new AccountKey("B1", "A1"), "SMITH", "balanced-60-40",
        new BigDecimal("500.00"), new BigDecimal("5000.00"), new BigDecimal("1000.00"),
        new BigDecimal("4000.00"), 1, null, null, null, null,
        List.of(new Position("CASH", "CASH", new BigDecimal("1000.00"), BigDecimal.ONE,
                new BigDecimal("1000.00"), true),
            new Position("VTI", "EQUITY", new BigDecimal("16"), new BigDecimal("250.00"),
                new BigDecimal("4000.00"), false)));
  }

  private static HouseholdPlan plan() {
    TradeOrder sell = new TradeOrder("SMITH", "B1", "A1", "VTI", Side.SELL, new BigDecimal("4"),
        new BigDecimal("250.00"), new BigDecimal("0.8"), new BigDecimal("0.6"), "drift");
    TradeOrder buy = new TradeOrder("SMITH", "B2", "A9", "BND", Side.BUY, new BigDecimal("13"),
        new BigDecimal("72.50"), BigDecimal.ZERO, new BigDecimal("0.4"), "drift");
    return new HouseholdPlan("SMITH", "balanced-60-40", 2, new BigDecimal("5000.00"),
        HouseholdPlan.Status.REBALANCED, List.of(sell, buy),
        List.of(new UnplacedTrade("SMITH", "XYZ", Side.BUY, null, UnplacedTrade.NO_PRICE),
            new UnplacedTrade("SMITH", "BND", Side.BUY, new BigDecimal("2"),
                UnplacedTrade.NO_CASH)),
        List.of(new Allocation(Allocation.HOUSEHOLD, "SMITH", "VTI", new BigDecimal("4000.00"),
            new BigDecimal("0.8"), new BigDecimal("0.6"), new BigDecimal("0.2"), true,
            new BigDecimal("0.6"))));
  }

  @Test
  void lotsRoundTripOnTheirOwnAndInTheAccountJoin() throws CoderException {
    Lot known = new Lot("B5", "U1", "BND", "U1_20261120.csv:11", LocalDate.of(2026, 6, 2),
        new BigDecimal("250"), new BigDecimal("18102.50"), "/data/U1_20261120.csv", 11);
    Lot unknownDate = new Lot("B5", "U1", "VXUS", "v1", null, new BigDecimal("10.0545"),
        BigDecimal.ZERO, "/books/lots.csv", 3);
    assertThat(roundTrip(RecordCoder.of(Lot.class), known), is(known));
    assertThat(roundTrip(RecordCoder.of(Lot.class), Lot.remainder(new AccountKey("B5", "U1"),
        "BND", BigDecimal.ONE)), is(Lot.remainder(new AccountKey("B5", "U1"), "BND",
        BigDecimal.ONE)));
    AccountRow fromFile = AccountRow.ofLotsFile(unknownDate);
    assertThat(roundTrip(RecordCoder.of(AccountRow.class), fromFile), is(fromFile));
    AccountRow fromExport = AccountRow.ofExport(known);
    assertThat(roundTrip(RecordCoder.of(AccountRow.class), fromExport), is(fromExport));
    AccountHoldings account = new AccountHoldings(new AccountInfo(new AccountKey("B5", "U1"),
        "H", "m", BigDecimal.ZERO), List.of(holding()), List.of(known, unknownDate));
    assertThat(roundTrip(RecordCoder.of(AccountHoldings.class), account), is(account));
    assertDoesNotThrow(() -> RecordCoder.of(Lot.class).verifyDeterministic());
  }

  @Test
  void holdingRoundTrips() throws CoderException {
    Holding h = holding();

    Holding back = roundTrip(RecordCoder.of(Holding.class), h);

    assertThat(back, is(h));
    assertThat(back.quantity().scale(), is(3));
  }

  /** A file's as-of date with and without a time of day, and a file that states none. */
  @Test
  void exportFileWithItsAsOfRoundTrips() throws CoderException {
    SourceTally tally = new SourceTally("B1", 1, 14, 5, 9, 0);
    for (AsOf asOf : Arrays.asList(
        new AsOf(LocalDate.of(2026, 11, 20), LocalTime.of(19, 28, 5, 7), "as of 07:28 PM", 1),
        new AsOf(LocalDate.of(2026, 11, 20), null, "Period", 4), null)) {
      ExportFile f = new ExportFile("B1", "B1", "/in/f.csv", asOf, tally);
      assertThat(roundTrip(RecordCoder.of(ExportFile.class), f), is(f));
    }
  }

  /** A source travels to the workers that fetch it with its fetch policy (Create.of(sources)). */
  @Test
  void aSourceRoundTripsWithItsFetchPolicy() throws CoderException {
    SourceConfig s = new SourceConfig("BROKERAGE_003", "BROKERAGE_003",
        "https://exports.example.com/OfxDownload.csv", "vanguard-ofx", null,
        new FetchPolicy(4, 300_000, 1_500));
    assertThat(roundTrip(RecordCoder.of(SourceConfig.class), s), is(s));
  }

  @Test
  void holdingWithNullPriceRoundTrips() throws CoderException {
    Holding h = holding().withPrice(null);

    assertThat(roundTrip(RecordCoder.of(Holding.class), h), is(h));
  }

  @Test
  void accountAnalysisWithNestedPositionsAndNullDoublesRoundTrips() throws CoderException {
    AccountAnalysis a = analysis();

    assertThat(roundTrip(RecordCoder.of(AccountAnalysis.class), a), is(a));
  }

  @Test
  void accountAnalysisWithRiskFiguresRoundTrips() throws CoderException {
    AccountAnalysis base = analysis();
    AccountAnalysis a = new AccountAnalysis(base.key(), base.householdId(), base.modelId(),
        base.cashReserve(), base.totalValue(), base.cashValue(), base.investedValue(), 1, 1.0,
        0.1234567890123, 0.25, 5, base.positions());

    assertThat(roundTrip(RecordCoder.of(AccountAnalysis.class), a), is(a));
  }

  @Test
  void householdPlanWithEnumsAndListsRoundTrips() throws CoderException {
    HouseholdPlan p = plan();

    assertThat(roundTrip(RecordCoder.of(HouseholdPlan.class), p), is(p));
  }

  @Test
  void emptyListsRoundTrip() throws CoderException {
    HouseholdPlan p = new HouseholdPlan("H", "m", 0, BigDecimal.ZERO,
        HouseholdPlan.Status.NO_VALUE, List.of(), List.of(), List.of());

    assertThat(roundTrip(RecordCoder.of(HouseholdPlan.class), p), is(p));
  }

  @Test
  void nullNestedRecordRoundTrips() throws CoderException {
    Wrapper w = new Wrapper(null, null, Arrays.asList("a", null));

    assertThat(roundTrip(RecordCoder.of(Wrapper.class), w), is(w));
  }

  @Test
  void accountKeyIsDeterministic() {
    assertDoesNotThrow(() -> RecordCoder.of(AccountKey.class).verifyDeterministic());
  }

  @Test
  void recordWithDoublesIsNotDeterministic() {
    assertThrows(Coder.NonDeterministicException.class,
        () -> RecordCoder.of(AccountAnalysis.class).verifyDeterministic());
  }

  @Test
  void equalValuesEncodeToIdenticalBytes() throws CoderException {
    RecordCoder<HouseholdPlan> coder = RecordCoder.of(HouseholdPlan.class);

    assertArrayEquals(CoderUtils.encodeToByteArray(coder, plan()),
        CoderUtils.encodeToByteArray(coder, plan()));
    assertArrayEquals(CoderUtils.encodeToByteArray(RecordCoder.of(AccountKey.class),
            new AccountKey("B1", "A1")),
        CoderUtils.encodeToByteArray(RecordCoder.of(AccountKey.class),
            new AccountKey(new String("B1"), new String("A1"))));
  }

  @Test
  void differentValuesEncodeDifferently() throws CoderException {
    RecordCoder<AccountKey> coder = RecordCoder.of(AccountKey.class);

    // without field boundaries "B1"+"1A" and "B11"+"A" would collide
    assertThat(Arrays.equals(CoderUtils.encodeToByteArray(coder, new AccountKey("B1", "1A")),
        CoderUtils.encodeToByteArray(coder, new AccountKey("B11", "A"))), is(false));
  }

  @Test
  void coderStillWorksAfterJavaSerialization() throws CoderException {
    // a pipeline ships coders to workers: the method handles are rebuilt there
    RecordCoder<HouseholdPlan> coder = RecordCoder.of(HouseholdPlan.class);
    CoderUtils.encodeToByteArray(coder, plan());
    @SuppressWarnings("unchecked")
    RecordCoder<HouseholdPlan> copy = (RecordCoder<HouseholdPlan>) SerializableUtils.clone(coder);

    assertThat(copy, is(coder));
    assertThat(roundTrip(copy, plan()), is(plan()));
  }

  @Test
  void codersOfTheSameRecordAreEqual() {
    assertThat(RecordCoder.of(Holding.class), is(RecordCoder.of(Holding.class)));
    assertThat(RecordCoder.of(Holding.class).hashCode(),
        is(RecordCoder.of(Holding.class).hashCode()));
    assertThat(RecordCoder.of(Holding.class), not(is((Object) RecordCoder.of(AccountKey.class))));
  }

  @Test
  void unsupportedComponentTypeIsRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RecordCoder.of(WithInstant.class));

    assertThat(e.getMessage(), containsString("java.time.Instant"));
  }

  @Test
  void unsupportedGenericComponentTypeIsRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RecordCoder.of(WithMap.class));

    assertThat(e.getMessage(), containsString("java.util.Map"));
  }

  /** A nested record and a list with a null element. */
  public record Wrapper(AccountKey key, Side side, List<String> names) {}

  public record WithInstant(Instant at) {}

  public record WithMap(Map<String, String> values) {}

  @Test
  void aCoderSharedByThreadsFromItsFirstUseEncodesAndDecodesOnEvery() throws Exception {
    // Workers share one deserialized coder; each round starts unbound and races the first use.
    RecordCoder<Holding> prototype = RecordCoder.of(Holding.class);
    byte[] expected = CoderUtils.encodeToByteArray(prototype, holding());
    int threads = 8;
    for (int round = 0; round < 200; round++) {
      RecordCoder<Holding> coder = SerializableUtils.clone(prototype);
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(threads);
      try {
        List<java.util.concurrent.Future<Holding>> results = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
          results.add(pool.submit(() -> {
            start.await();
            assertArrayEquals(expected, CoderUtils.encodeToByteArray(coder, holding()));
            return CoderUtils.decodeFromByteArray(coder, expected);
          }));
        }
        for (java.util.concurrent.Future<Holding> r : results) {
          assertThat(r.get(), is(holding()));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
