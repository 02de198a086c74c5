package io.rebalancer.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.rebalancer.RebalancePipeline;
import io.rebalancer.config.ConfigLoader;
import io.rebalancer.config.PipelineConfig;
import io.rebalancer.io.StagingArea;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a small book whose counts are known: the job's Beam counters (what the
 * summary prints and Flink's web UI shows) are those counts, on the Direct runner and on Flink.
 */
@ExtendWith(TestPipelineExtension.class)
class RunMetricsTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);

  @TempDir Path dir;

  @Test
  void countersCountTheBook(TestPipeline pipeline) throws IOException {
    PipelineConfig config = book();
    StagingArea staging = StagingArea.create(dir.resolve("out"), "metrics");
    RebalancePipeline.build(pipeline, config, RUN_DATE, staging, 2);

    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    long orders = Files.readAllLines(staging.mergedOrders(RUN_DATE), StandardCharsets.UTF_8)
        .stream().skip(1).filter(l -> !l.isEmpty()).count();
    assertThat("the book trades", orders, greaterThan(0L));
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("rows_read", 11L); // B1: header, 3 holdings, a blank line, 3 bad rows; B2: 3
    expected.put("rows_rejected", 3L); // 'abc', XYZ without a price, and unknown account A9
    expected.put("holdings", 5L);
    expected.put("accounts", 2L); // B1/A2 is listed, but none of its rows is a holding
    expected.put("households", 2L);
    expected.put("orders", orders);
    expected.put("unplaced_trades", 2L); // each household's NEWF: no price anywhere
    assertThat(RunMetrics.of(result), is(expected));
    assertThat(RunMetrics.line(RunMetrics.of(result)), is("metrics: rows_read 11, rows_rejected"
        + " 3, holdings 5, accounts 2, households 2, orders " + orders + ", unplaced_trades 2"));
  }

  private PipelineConfig book() throws IOException {
    Path accounts = write("accounts.csv", """
        brokerage_id,account_id,household_id,model_id,cash_reserve
        B1,A1,H1,m,0
        B1,A2,H1,m,0
        B2,A1,H2,m,0
        """);
    Path models = write("models.csv", """
        model_id,symbol,target_weight
        m,VTI,0.5
        m,BND,0.3
        m,NEWF,0.2
        """);
    Path prices = write("prices.csv", """
        date,symbol,close
        2026-11-19,BND,74.20
        2026-11-20,BND,74.12
        2026-11-19,VTI,274.24
        2026-11-20,VTI,274.61
        """);
    Path b1 = write("b1.csv", """
        account_id,symbol,quantity,price,asset_class
        A1,VTI,10,274.61,US_EQUITY
        A1,BND,20,,US_BOND
        A1,CASH,1000.50,1,CASH

        A2,VTI,abc,274.61,US_EQUITY
        A9,VTI,5,274.61,US_EQUITY
        A2,XYZ,3,,US_EQUITY
        """);
    Path b2 = write("b2.csv", """
        account_id,symbol,quantity,price,asset_class
        A1,BND,100,74.12,US_BOND
        A1,CASH,25000,1,CASH
        """);
    Path config = write("book.yaml", """
        name: metrics
        sources:
          - id: B1
            uri: %s
            format: canonical
          - id: B2
            uri: %s
            format: canonical
        accounts: %s
        models: %s
        prices: %s
        """.formatted(b1, b2, accounts, models, prices));
    return ConfigLoader.load(config);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
