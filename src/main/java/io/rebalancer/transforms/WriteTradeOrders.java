package io.rebalancer.transforms;

import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.TradeOrder;
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
        .apply("AssignShards", ParDo.of(new AssignShard(shards)))
        .setCoder(KvCoder.of(VarIntCoder.of(), ListCoder.of(RecordCoder.of(TradeOrder.class))))
        .apply("GroupShards", GroupByKey.create())
        .apply("WriteShards", ParDo.of(new WriteShard(staging, runDate, shards)))
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

  /** A household's orders go to one shard, picked by a hash stable across JVMs and runners. */
  static final class AssignShard extends DoFn<HouseholdPlan, KV<Integer, List<TradeOrder>>> {
    private final int shards;

    AssignShard(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element HouseholdPlan plan,
        OutputReceiver<KV<Integer, List<TradeOrder>>> out) {
      if (!plan.orders().isEmpty()) {
        out.output(KV.of(Math.floorMod(plan.householdId().hashCode(), shards), plan.orders()));
      }
    }
  }

  static final class WriteShard extends DoFn<KV<Integer, Iterable<List<TradeOrder>>>, String> {
    private final StagingArea staging;
    private final LocalDate runDate;
    private final int shards;

    WriteShard(StagingArea staging, LocalDate runDate, int shards) {
      this.staging = staging;
      this.runDate = runDate;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<List<TradeOrder>>> shard,
        OutputReceiver<String> out) throws IOException {
      List<TradeOrder> orders = new ArrayList<>();
      shard.getValue().forEach(orders::addAll);
      orders.sort(TradeOrder.FILE_ORDER);
      Path file = staging.orderShards().resolve(OrderShards.shardName(shard.getKey(), shards));
      OrderShards.writeShard(file, runDate, orders);
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
      OrderShards.merge(shardFiles.stream().map(Path::of).toList(), merged);
      out.output(merged.toString());
    }
  }
}
