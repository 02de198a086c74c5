package io.rebalancer.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.rebalancer.io.RowBlock;
import io.rebalancer.io.StagedCsv;
import io.rebalancer.io.StagingArea;
import io.rebalancer.io.WarehouseRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** StageWarehouseRows writes each table's rows to that table's staged CSV files, losslessly. */
@ExtendWith(TestPipelineExtension.class)
class StageWarehouseRowsTest {
  @TempDir Path dir;

  @Test
  void rowsLandInTheirTablesStagedFiles(TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    StagingArea staging = StagingArea.create(dir, "run");
    List<WarehouseRow> holdings = List.of(
        WarehouseRow.of("holdings", "2026-11-20", "B1", "A1", "H1", "VTI", "US_EQUITY",
            "10.0000000000", "274.6100000000", "2746.1000000000", "false"),
        WarehouseRow.of("holdings", "2026-11-20", "B1", "A1", "H1", "CASH", "CASH",
            "4250.1800000000", "1.0000000000", "4250.1800000000", "true"));
    // dead letters quote their raw line: commas, quotes, a line break, and a NULL cell
    List<WarehouseRow> rejected = List.of(
        WarehouseRow.of("rejected_records", "2026-11-20", "B2", "/in/b2.csv", "7",
            "quantity 'abc' is not a number", "A2,VTI,abc,\"270,50\",US_EQUITY"),
        WarehouseRow.of("rejected_records", "2026-11-20", "B2", "/in/b2.csv", "9",
            "missing symbol", "A2,\"multi\nline\",,,"),
        WarehouseRow.of("rejected_records", "2026-11-20", "B2", "/in/b2.csv", "12",
            "missing symbol", null));
    List<WarehouseRow> metrics = List.of(WarehouseRow.of("portfolio_metrics", "2026-11-20", "B1",
        "A1", "H1", "m60", "100.0000000000", "100.0000000000", "0E-10", "0", null, null, null,
        null, "0.0000000000"));
    List<WarehouseRow> all = new ArrayList<>();
    all.addAll(holdings);
    all.addAll(rejected);
    all.addAll(metrics);
    pipeline.apply("Rows", Create.of(all))
        .apply("Blocks", MapElements.into(TypeDescriptor.of(RowBlock.class)).via(RowBlock::of))
        .apply("StageWarehouseRows", StageWarehouseRows.in(staging));
    pipeline.run().waitUntilFinish();

    assertStaged(staging, "holdings", holdings);
    assertStaged(staging, "rejected_records", rejected);
    assertStaged(staging, "portfolio_metrics", metrics);
    assertThat(staging.tableFiles("trade_orders"), is(empty()));
    assertThat(staging.tableFiles("allocations"), is(empty()));
  }

  @Test
  void manyRowsOfOneTableAreStagedOnceEach(TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    StagingArea staging = StagingArea.create(dir, "run");
    List<WarehouseRow> orders = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      orders.add(WarehouseRow.of("trade_orders", "2026-11-20", "20261120-" + i, "H" + (i % 40),
          "B1", "A" + (i % 97), "S" + i, i % 2 == 0 ? "SELL" : "BUY", "1.0000000000",
          "2.0000000000", "2.00", "0.100000", "0.200000", "underweight"));
    }
    pipeline.apply("Rows", Create.of(orders))
        .apply("Blocks", MapElements.into(TypeDescriptor.of(RowBlock.class)).via(RowBlock::of))
        .apply("StageWarehouseRows", StageWarehouseRows.in(staging));
    pipeline.run().waitUntilFinish();

    assertStaged(staging, "trade_orders", orders);
  }

  @Test
  void textThatLooksLikeTheNullMarkerStaysText(TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    StagingArea staging = StagingArea.create(dir, "run");
    List<WarehouseRow> rejected = List.of(WarehouseRow.of("rejected_records", "2026-11-20", "B2",
        "/in/b2.csv", "3", "missing symbol", "\\N"));
    pipeline.apply("Rows", Create.of(rejected))
        .apply("Blocks", MapElements.into(TypeDescriptor.of(RowBlock.class)).via(RowBlock::of))
        .apply("StageWarehouseRows", StageWarehouseRows.in(staging));
    pipeline.run().waitUntilFinish();

    assertStaged(staging, "rejected_records", rejected);
  }

  private static void assertStaged(StagingArea staging, String table, List<WarehouseRow> rows) {
    List<Path> files = staging.tableFiles(table);
    assertThat(files, is(not(empty())));
    assertThat(files.stream().map(f -> f.getFileName().toString()).toList(),
        everyItem(matchesPattern(table + "-part-\\d{5}-of-\\d{5}\\.csv")));
    List<List<String>> staged = StagedCsv.read(files);
    assertThat(staged, containsInAnyOrder(rows.stream().map(WarehouseRow::cells)
        .map(StageWarehouseRowsTest::matcherOf).toList()));
  }

  private static org.hamcrest.Matcher<? super List<String>> matcherOf(List<String> cells) {
    return is(Arrays.asList(cells.toArray(new String[0])));
  }
}
