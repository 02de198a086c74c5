package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.rebalancer.core.Side;
import io.rebalancer.core.TradeOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderShardsTest {
  private static final LocalDate RUN = LocalDate.of(2025, 11, 28);
  private static final String HEADER = "run_date,order_id,household_id,brokerage_id,account_id,"
      + "symbol,side,quantity,price,estimated_amount,current_weight,target_weight,reason";

  @TempDir Path dir;

  private static TradeOrder order(String household, String brokerage, String account,
      Side side, String symbol) {
    return new TradeOrder(household, brokerage, account, symbol, side, new BigDecimal("3"),
        new BigDecimal("10.50"), new BigDecimal("0.25"), new BigDecimal("0.2"), "drift");
  }

  /** The merged file's lines, split on CRLF (the file must end with one). */
  private List<String> lines(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat("every line ends with CRLF", text.replace("\r\n", "").contains("\n"), is(false));
    assertThat(text.endsWith("\r\n"), is(true));
    return Arrays.asList(text.substring(0, text.length() - 2).split("\r\n", -1));
  }

  /** household, brokerage, account, side, symbol of a data line. */
  private static String key(String line) {
    String[] c = line.split(",");
    return String.join(" ", c[2], c[3], c[4], c[6], c[5]);
  }

  @Test
  void mergeOfTwoSortedShardsIsInSpecOrderUnderOneHeader() throws IOException {
    // Each shard is sorted in the file order; together they interleave.
    Path shard0 = dir.resolve("orders").resolve(OrderShards.shardName(0, 2));
    Path shard1 = dir.resolve("orders").resolve(OrderShards.shardName(1, 2));
    OrderShards.writeShard(shard0, RUN, List.of(
        order("H1", "B1", "A1", Side.SELL, "VTI"),
        order("H1", "B1", "A1", Side.BUY, "AAA"),
        order("H1", "B2", "A0", Side.BUY, "VTI"),
        order("H3", "B1", "A1", Side.SELL, "BND")));
    OrderShards.writeShard(shard1, RUN, List.of(
        order("H1", "B1", "A1", Side.SELL, "BND"),
        order("H1", "B1", "A1", Side.BUY, "ZZZ"),
        order("H1", "B1", "A2", Side.SELL, "AAA"),
        order("H2", "B9", "A9", Side.BUY, "VTI")));
    Path merged = dir.resolve("trade_orders_20251128.csv");

    OrderShards.merge(List.of(shard0, shard1), merged);

    List<String> lines = lines(merged);
    assertThat(lines.get(0), is(HEADER));
    assertThat(lines.subList(1, lines.size()).stream().map(OrderShardsTest::key).toList(),
        contains(
            "H1 B1 A1 SELL BND",
            "H1 B1 A1 SELL VTI",
            "H1 B1 A1 BUY AAA",
            "H1 B1 A1 BUY ZZZ",
            "H1 B1 A2 SELL AAA",
            "H1 B2 A0 BUY VTI",
            "H2 B9 A9 BUY VTI",
            "H3 B1 A1 SELL BND"));
  }

  @Test
  void mergedRowsAreTheOrdersCsvRowsWithoutTheShardKeys() throws IOException {
    Path shard = dir.resolve(OrderShards.shardName(0, 1));
    OrderShards.writeShard(shard, RUN, List.of(order("H1", "B1", "A1", Side.SELL, "VTI")));
    Path merged = dir.resolve("out.csv");

    OrderShards.merge(List.of(shard), merged);

    List<String> lines = lines(merged);
    assertThat(lines.size(), is(2));
    assertThat(lines.get(1), matchesPattern("2025-11-28,20251128-[0-9a-f]{16},H1,B1,A1,VTI,SELL,"
        + "3,10.5,31.50,0\\.250000,0\\.200000,drift"));
  }

  @Test
  void emptyShardListWritesTheHeaderAlone() throws IOException {
    Path merged = dir.resolve("trade_orders_20251128.csv");

    OrderShards.merge(List.of(), merged);

    assertThat(Files.readString(merged), is(HEADER + "\r\n"));
  }

  @Test
  void emptyShardsWriteTheHeaderAlone() throws IOException {
    Path a = dir.resolve(OrderShards.shardName(0, 2));
    Path b = dir.resolve(OrderShards.shardName(1, 2));
    OrderShards.writeShard(a, RUN, List.of());
    OrderShards.writeShard(b, RUN, List.of());
    Path merged = dir.resolve("out.csv");

    OrderShards.merge(List.of(a, b), merged);

    assertThat(Files.readString(merged), is(HEADER + "\r\n"));
  }

  @Test
  void runsMergeIntoTheShardTheyWouldHaveBeenAndAreRemoved() throws IOException {
    List<TradeOrder> all = List.of(order("H1", "B1", "A1", Side.SELL, "VTI"),
        order("H1", "B1", "A1", Side.BUY, "BND"), order("H2", "B2", "A9", Side.BUY, "VTI"),
        order("H3", "B1", "A2", Side.SELL, "GLD"));
    Path whole = dir.resolve("whole.csv");
    List<TradeOrder> sorted = new java.util.ArrayList<>(all);
    sorted.sort(TradeOrder.FILE_ORDER);
    OrderShards.writeShard(whole, RUN, sorted);
    Path run0 = dir.resolve(OrderShards.runName(0, 1, 0));
    Path run1 = dir.resolve(OrderShards.runName(0, 1, 1));
    OrderShards.writeShard(run0, RUN, List.of(sorted.get(0), sorted.get(3)));
    OrderShards.writeShard(run1, RUN, List.of(sorted.get(1), sorted.get(2)));
    Path shard = dir.resolve(OrderShards.shardName(0, 1));

    OrderShards.mergeRuns(List.of(run0, run1), shard);

    assertThat(Files.readString(shard), is(Files.readString(whole)));
    assertThat(Files.exists(run0) || Files.exists(run1), is(false));
  }

  @Test
  void aRetriedMergeOfRunsAnEarlierAttemptMergedAndRemovedKeepsTheShard() throws IOException {
    Path run0 = dir.resolve(OrderShards.runName(0, 1, 0));
    Path run1 = dir.resolve(OrderShards.runName(0, 1, 1));
    OrderShards.writeShard(run0, RUN, List.of(order("H1", "B1", "A1", Side.BUY, "VTI")));
    OrderShards.writeShard(run1, RUN, List.of(order("H2", "B1", "A2", Side.SELL, "BND")));
    Path shard = dir.resolve(OrderShards.shardName(0, 1));
    OrderShards.mergeRuns(List.of(run0, run1), shard);
    String first = Files.readString(shard);

    // Flink reruns the merge task alone: the tasks that wrote the runs finished, their runs gone
    OrderShards.mergeRuns(List.of(run0, run1), shard);

    assertThat(Files.readString(shard), is(first));
    assertThat(Files.readAllLines(shard).size(), is(2));
  }

  @Test
  void aRetriedMergeOfRewrittenRunsReplacesTheShard() throws IOException {
    Path run0 = dir.resolve(OrderShards.runName(0, 1, 0));
    Path shard = dir.resolve(OrderShards.shardName(0, 1));
    OrderShards.writeShard(run0, RUN, List.of(order("H1", "B1", "A1", Side.BUY, "VTI")));
    OrderShards.mergeRuns(List.of(run0), shard);

    // the whole job reran: the run is written again, and the merge replaces what it merged
    OrderShards.writeShard(run0, RUN, List.of(order("H1", "B1", "A1", Side.BUY, "VTI")));
    OrderShards.mergeRuns(List.of(run0), shard);

    assertThat(Files.readAllLines(shard).size(), is(1));
  }

  @Test
  void aMergeOfAMissingRunWithNoShardFailsNamingTheRun() throws IOException {
    Path run0 = dir.resolve(OrderShards.runName(0, 1, 0));
    Path shard = dir.resolve(OrderShards.shardName(0, 1));
    java.nio.file.NoSuchFileException e = org.junit.jupiter.api.Assertions.assertThrows(
        java.nio.file.NoSuchFileException.class,
        () -> OrderShards.mergeRuns(List.of(run0), shard));
    assertThat(e.getMessage(), is(run0.toString()));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat("a failed merge leaves no temp file", files.toList(), is(List.of()));
    }
  }

  @Test
  void noTempFileRemains() throws IOException {
    Path shard = dir.resolve(OrderShards.shardName(0, 1));
    OrderShards.writeShard(shard, RUN, List.of(order("H1", "B1", "A1", Side.BUY, "VTI")));
    OrderShards.merge(List.of(shard), dir.resolve("out.csv"));

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList(),
          containsInAnyOrder("shard-00000-of-00001.csv", "out.csv"));
    }
  }

  @Test
  void rewritingAShardReplacesIt() throws IOException {
    Path shard = dir.resolve(OrderShards.shardName(0, 1));
    OrderShards.writeShard(shard, RUN, List.of(order("H1", "B1", "A1", Side.BUY, "VTI"),
        order("H1", "B1", "A1", Side.BUY, "VXUS")));
    OrderShards.writeShard(shard, RUN, List.of(order("H1", "B1", "A1", Side.BUY, "BND")));
    Path merged = dir.resolve("out.csv");

    OrderShards.merge(List.of(shard), merged);

    List<String> lines = lines(merged);
    assertThat(lines.size(), is(2));
    assertThat(key(lines.get(1)), is("H1 B1 A1 BUY BND"));
  }

  @Test
  void mergeReplacesAnEarlierFile() throws IOException {
    Path merged = Files.writeString(dir.resolve("out.csv"), "stale\n");

    OrderShards.merge(List.of(), merged);

    assertThat(Files.readString(merged), not(is("stale\n")));
    assertThat(Files.readString(merged), is(HEADER + "\r\n"));
  }

  @Test
  void shardNames() {
    assertThat(OrderShards.shardName(3, 16), is("shard-00003-of-00016.csv"));
  }
}
