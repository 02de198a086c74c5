package io.rebalancer.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import io.rebalancer.io.RowBlock;
import io.rebalancer.io.StagedCsv;
import io.rebalancer.io.StagingArea;
import io.rebalancer.io.WarehouseRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job Flink restarts stages its warehouse rows again, in bundles that need not be the first
 * attempt's; once it is marked complete, each row is staged once, not once per attempt.
 */
class MarkStagingCompleteTest {
  @TempDir Path dir;

  private final List<WarehouseRow> holdings = new ArrayList<>();

  @Test
  void aSecondAttemptsTableFilesReplaceTheFirstsWhateverItsBundles() {
    for (int i = 0; i < 3; i++) {
      holdings.add(WarehouseRow.of("holdings", "2026-11-20", "B1", "A" + i, "H1", "VTI",
          "US_EQUITY", "1.0000000000", "2.0000000000", "2.0000000000", "false"));
    }
    StagingArea staging = StagingArea.create(dir, "run");
    // the first attempt's rows come from one source: here staged as one file
    Pipeline first = Pipeline.create();
    DomainCoders.registerOn(first);
    stageAndMark(first, staging, first.apply("Rows",
        Create.of(holdings.stream().map(RowBlock::of).toList())));
    first.run().waitUntilFinish();

    // the second attempt's from three: three files, under names the first did not write
    Pipeline second = Pipeline.create();
    DomainCoders.registerOn(second);
    PCollectionList<RowBlock> sources = PCollectionList.empty(second);
    for (int i = 0; i < holdings.size(); i++) {
      sources = sources.and(second.apply("Source" + i, Create.of(RowBlock.of(holdings.get(i)))));
    }
    stageAndMark(second, staging, sources.apply("Flatten", Flatten.pCollections()));
    second.run().waitUntilFinish();

    List<Matcher<? super List<String>>> once = new ArrayList<>();
    holdings.forEach(r -> once.add(is(r.cells())));
    assertThat(StagedCsv.read(staging.tableFiles("holdings")), containsInAnyOrder(once));
    assertThat(staging.isComplete(), is(true));
  }

  private static void stageAndMark(Pipeline p, StagingArea staging, PCollection<RowBlock> rows) {
    WriteFilesResult<String> staged = rows.apply("StageWarehouseRows",
        StageWarehouseRows.in(staging));
    PCollection<String> orders = p.apply("OrdersFile", Create.of("trade_orders.csv"));
    p.apply("MarkStagingComplete", MarkStagingComplete.after(staging, orders,
        staged.getPerDestinationOutputFilenames()));
  }
}
