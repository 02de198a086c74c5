package io.rebalancer.transforms;

import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.TradeOrder;
import io.rebalancer.io.FullDisk;
import io.rebalancer.io.OrderShards;
import io.rebalancer.io.StagingArea;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes the orders as N shard files (whole households per shard, sorted), then merges them into
 * the run's one `trade_orders_YYYYMMDD.csv` in the staging area, with one header. Publishing it
 * into the output folder is the publisher's job, once the whole run has succeeded.
 *
 * <p>Each shard is first written as {@link #RUNS} sorted runs (households split by a second hash)
 * and the runs merged into it, so that no worker holds a shard's orders: a book of a million
 * accounts has millions of orders.
 */
public final class WriteTradeOrders extends PTransform<PCollection<HouseholdPlan>, PCollection<String>> {
  private final StagingArea staging;
  private final LocalDate runDate;
  private final int shards;

  private WriteTradeOrders(StagingArea staging, LocalDate runDate, int shards) {
    this.staging = staging;
    this.runDate = runDate;
    this.shards = shards;
  }

  public static WriteTradeOrders to(StagingArea staging, LocalDate runDate, int shards) {
    return new WriteTradeOrders(staging, runDate, shards);
  }

  @Override
  public PCollection<String> expand(PCollection<HouseholdPlan> plans) {
    return plans
        .apply("AssignRuns", ParDo.of(new AssignRun(shards)))
        .setCoder(KvCoder.of(VarIntCoder.of(), ListCoder.of(RecordCoder.of(TradeOrder.class))))
        .apply("GroupRuns", GroupByKey.create())
        .apply("WriteRuns", ParDo.of(new WriteRun(staging, runDate, shards)))
        .setCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of()))
        .apply("GroupShards", GroupByKey.create())
        .apply("MergeRuns", ParDo.of(new MergeRuns(staging, shards)))
        .setCoder(StringUtf8Coder.of())
        .apply("ListShards", Combine.globally(new SortedPaths()))
        .apply("MergeShards", ParDo.of(new MergeShards(staging, runDate)));
  }

  /** All shard paths in one sorted list; an empty list when there are no orders at all. */
  static final class SortedPaths extends CollectToList<String, List<String>> {
    @Override
    public List<String> extractOutput(List<String> acc) {
      List<String> sorted = new ArrayList<>(acc);
      sorted.sort(null);
      return sorted;
    }
  }

  /** What a full disk stopped, in its error line: the runs and the shards merged from them. */
  static final String SHARDS = "the trade-order shards";

  /** Sorted runs a shard is written in. */
  static final int RUNS = 64;

  /**
   * A household's orders go to one shard and one run of it, picked by a hash stable across JVMs
   * and runners: the shard by the hash modulo the shards, the run by what remains of it.
   */
  static final class AssignRun extends DoFn<HouseholdPlan, KV<Integer, List<TradeOrder>>> {
    private final int shards;

    AssignRun(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element HouseholdPlan plan,
        OutputReceiver<KV<Integer, List<TradeOrder>>> out) {
      if (!plan.orders().isEmpty()) {
        int hash = plan.householdId().hashCode();
        int shard = Math.floorMod(hash, shards);
        int run = Math.floorMod(Math.floorDiv(hash, shards), RUNS);
        out.output(KV.of(shard * RUNS + run, plan.orders()));
      }
    }
  }

  /** Writes one run of a shard, sorted; hands on (shard, run file). */
  static final class WriteRun
      extends DoFn<KV<Integer, Iterable<List<TradeOrder>>>, KV<Integer, String>> {
    private final StagingArea staging;
    private final LocalDate runDate;
    private final int shards;

    WriteRun(StagingArea staging, LocalDate runDate, int shards) {
      this.staging = staging;
      this.runDate = runDate;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<List<TradeOrder>>> run,
        OutputReceiver<KV<Integer, String>> out) throws IOException {
      List<TradeOrder> orders = new ArrayList<>();
      run.getValue().forEach(orders::addAll);
      orders.sort(TradeOrder.FILE_ORDER);
      int shard = run.getKey() / RUNS;
      Path file = staging.orderRuns()
          .resolve(OrderShards.runName(shard, shards, run.getKey() % RUNS));
      try {
        OrderShards.writeShard(file, runDate, orders);
      } catch (IOException e) {
        FullDisk.ofStagedFile(e, file, SHARDS);
        throw e;
      }
      out.output(KV.of(shard, file.toString()));
    }
  }

  /** Merges a shard's runs into the shard file. */
  static final class MergeRuns extends DoFn<KV<Integer, Iterable<String>>, String> {
    private final StagingArea staging;
    private final int shards;

    MergeRuns(StagingArea staging, int shards) {
      this.staging = staging;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<String>> shard, OutputReceiver<String> out)
        throws IOException {
      List<Path> runs = new ArrayList<>();
      shard.getValue().forEach(r -> runs.add(Path.of(r)));
      runs.sort(null);
      Path file = staging.orderShards().resolve(OrderShards.shardName(shard.getKey(), shards));
      try {
        OrderShards.mergeRuns(runs, file);
      } catch (IOException e) {
        FullDisk.ofStagedFile(e, file, SHARDS);
        throw e;
      }
      out.output(file.toString());
    }
  }

  static final class MergeShards extends DoFn<List<String>, String> {
    private final StagingArea staging;
    private final LocalDate runDate;

    MergeShards(StagingArea staging, LocalDate runDate) {
      this.staging = staging;
      this.runDate = runDate;
    }

    @ProcessElement
    public void process(@Element List<String> shardFiles, OutputReceiver<String> out)
        throws IOException {
      Path merged = staging.mergedOrders(runDate);
      try {
        OrderShards.merge(shardFiles.stream().map(Path::of).toList(), merged);
      } catch (IOException e) {
        FullDisk.ofStagedFile(e, merged, "the merged trade-orders file " + merged.getFileName());
        throw e;
      }
      out.output(merged.toString());
    }
  }
}
