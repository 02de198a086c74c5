package io.rebalancer.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.Side;
import io.rebalancer.core.TradeOrder;
import io.rebalancer.io.OrderShards;
import io.rebalancer.io.StagingArea;
import io.rebalancer.io.TradeOrderCsv;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * WriteTradeOrders writes whole households to shard files and merges them into the run's one CSV
 * in the staging area: one header, SPEC order across shards, whatever the shard count.
 */
@ExtendWith(TestPipelineExtension.class)
class WriteTradeOrdersTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);
  private static final String HEADER = String.join(",", TradeOrderCsv.HEADER) + "\r\n";

  @TempDir Path dir;

  @Test
  void mergesShardsIntoOneFileWithOneHeaderAndSortedRows(TestPipeline pipeline)
      throws IOException {
    DomainCoders.registerOn(pipeline);
    StagingArea staging = StagingArea.create(dir, "run");
    List<HouseholdPlan> plans = plans();
    PCollection<String> merged = pipeline.apply("Plans", Create.of(plans))
        .apply("WriteTradeOrders", WriteTradeOrders.to(staging, RUN_DATE, 4));
    PAssert.that(merged).containsInAnyOrder(staging.mergedOrders(RUN_DATE).toString());
    pipeline.run().waitUntilFinish();

    String csv = Files.readString(staging.mergedOrders(RUN_DATE), StandardCharsets.UTF_8);
    assertThat(csv, is(expectedCsv(plans)));
    List<String> lines = Arrays.asList(csv.split("\r\n"));
    assertThat(lines.stream().filter(l -> l.startsWith("run_date,")).count(), is(1L));
    assertThat(lines.get(0), is(HEADER.strip()));
    assertThat(lines.size(), is(1 + orderCount(plans)));
    assertThat(lines, hasItems(
        // formula-looking account id defused; 3 x 33.335 = 100.005 rounds half-even to 100.00
        "2026-11-20," + orderId("HH03", "B1", "=1+2", "XYZ", Side.SELL)
            + ",HH03,B1,'=1+2,XYZ,SELL,3,33.335,100.00,0.250000,0.000000,liquidate: not in model",
        "2026-11-20," + orderId("HH05", "B2", "A5", "BND", Side.BUY)
            + ",HH05,B2,A5,BND,BUY,0.1234,1000,123.40,0.100000,0.400000,\"underweight, by far\""));

    // every household with orders went to the shard its hash names, and the shards were merged
    Set<String> expectedShards = new TreeSet<>();
    plans.stream().filter(p -> !p.orders().isEmpty()).forEach(p -> expectedShards.add(
        OrderShards.shardName(Math.floorMod(p.householdId().hashCode(), 4), 4)));
    assertThat(fileNames(staging.orderShards()), is(expectedShards));
    assertThat(expectedShards.size(), greaterThan(1));
    assertThat(tempFiles(staging.path()), is(empty()));
  }

  @Test
  void noOrdersGiveTheHeaderAlone(TestPipeline pipeline) throws IOException {
    DomainCoders.registerOn(pipeline);
    StagingArea noOrders = StagingArea.create(dir, "no-orders");
    StagingArea noPlans = StagingArea.create(dir, "no-plans");
    List<HouseholdPlan> withinTolerance = List.of(plan("HH01", List.of()),
        plan("HH02", List.of()));
    pipeline.apply("WithinTolerance", Create.of(withinTolerance))
        .apply("WriteNoOrders", WriteTradeOrders.to(noOrders, RUN_DATE, 4));
    pipeline.apply("NoHouseholds", Create.empty(RecordCoder.of(HouseholdPlan.class)))
        .apply("WriteNoPlans", WriteTradeOrders.to(noPlans, RUN_DATE, 4));
    pipeline.run().waitUntilFinish();

    for (StagingArea staging : List.of(noOrders, noPlans)) {
      assertThat(Files.readString(staging.mergedOrders(RUN_DATE)), is(HEADER));
      assertThat(fileNames(staging.orderShards()), is(empty()));
    }
  }

  @Test
  void oneShardAndSevenShardsGiveByteIdenticalFiles(TestPipeline pipeline) throws IOException {
    DomainCoders.registerOn(pipeline);
    StagingArea one = StagingArea.create(dir, "one");
    StagingArea seven = StagingArea.create(dir, "seven");
    List<HouseholdPlan> plans = plans();
    PCollection<HouseholdPlan> input = pipeline.apply("Plans", Create.of(plans));
    input.apply("WriteOneShard", WriteTradeOrders.to(one, RUN_DATE, 1));
    input.apply("WriteSevenShards", WriteTradeOrders.to(seven, RUN_DATE, 7));
    pipeline.run().waitUntilFinish();

    byte[] fromOne = Files.readAllBytes(one.mergedOrders(RUN_DATE));
    byte[] fromSeven = Files.readAllBytes(seven.mergedOrders(RUN_DATE));
    assertThat(Arrays.equals(fromOne, fromSeven), is(true));
    assertThat(new String(fromSeven, StandardCharsets.UTF_8), is(expectedCsv(plans)));
    assertThat(fileNames(one.orderShards()), is(Set.of("shard-00000-of-00001.csv")));
    assertThat(fileNames(seven.orderShards()).size(), greaterThan(3));
  }

  /** Twelve households (one without orders), given in shuffled order with shuffled orders. */
  private static List<HouseholdPlan> plans() {
    Random random = new Random(42);
    List<HouseholdPlan> plans = new ArrayList<>();
    for (int h = 0; h < 12; h++) {
      String household = String.format("HH%02d", h);
      List<TradeOrder> orders = new ArrayList<>();
      if (h == 7) {
        plans.add(plan(household, orders));
        continue;
      }
      String account = h == 3 ? "=1+2" : "A" + h;
      if (h == 3) {
        orders.add(order(household, "B1", account, "XYZ", Side.SELL, "3", "33.335", "0.25", "0",
            "liquidate: not in model"));
      }
      if (h == 5) {
        orders.add(order(household, "B2", account, "BND", Side.BUY, "0.1234", "1000", "0.1",
            "0.4", "underweight, by far"));
      }
      orders.add(order(household, "B1", account, "VTI", Side.BUY, "" + (1 + random.nextInt(90)),
          "274.61", "0.5", "0.6", "underweight"));
      orders.add(order(household, "B1", account, "AAPL", Side.SELL, "" + (1 + random.nextInt(90)),
          "150.73", "0.1", "0", "liquidate: not in model"));
      orders.add(order(household, "B0", "Z" + h, "VXUS", Side.BUY, "" + (1 + random.nextInt(90)),
          "70.29", "0.1", "0.2", "underweight"));
      if (h % 2 == 0) {
        orders.add(order(household, "B1", account, "BNDX", Side.BUY, "" + (1 + random.nextInt(9)),
            "51.36", "0", "0.1", "underweight"));
      }
      Collections.shuffle(orders, random);
      plans.add(plan(household, orders));
    }
    Collections.shuffle(plans, random);
    return plans;
  }

  private static String expectedCsv(List<HouseholdPlan> plans) {
    List<TradeOrder> all = new ArrayList<>();
    plans.forEach(p -> all.addAll(p.orders()));
    all.sort(TradeOrder.FILE_ORDER);
    StringBuilder csv = new StringBuilder(HEADER);
    for (TradeOrder o : all) {
      csv.append(TradeOrderCsv.FORMAT.format(TradeOrderCsv.cells(RUN_DATE, o).toArray()))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static int orderCount(List<HouseholdPlan> plans) {
    return plans.stream().mapToInt(p -> p.orders().size()).sum();
  }

  private static HouseholdPlan plan(String household, List<TradeOrder> orders) {
    return new HouseholdPlan(household, "m60", 2, new BigDecimal("100000"),
        orders.isEmpty() ? HouseholdPlan.Status.WITHIN_TOLERANCE
            : HouseholdPlan.Status.REBALANCED, orders, List.of(), List.of());
  }

  private static TradeOrder order(String household, String brokerage, String account,
      String symbol, Side side, String quantity, String price, String weight, String target,
      String reason) {
    return new TradeOrder(household, brokerage, account, symbol, side, new BigDecimal(quantity),
        new BigDecimal(price), new BigDecimal(weight), new BigDecimal(target), reason);
  }

  private static String orderId(String household, String brokerage, String account,
      String symbol, Side side) {
    return new TradeOrder(household, brokerage, account, symbol, side, BigDecimal.ONE,
        BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, "").orderId(RUN_DATE);
  }

  private static Set<String> fileNames(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
    }
  }

  private static List<Path> tempFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
