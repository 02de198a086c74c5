package io.rebalancer.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.config.SourceConfig;
import io.rebalancer.core.AccountHoldings;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.trust.InputProblem;
import io.rebalancer.core.trust.PriceBreak;
import io.rebalancer.core.trust.ValidationRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * ReadHoldings' judgement of its inputs ("Trusting the inputs"): an account in two files, a stale
 * close of a held or model symbol, and an export price far from the history are found while the
 * files are read, as problems the run fails on or as price breaks it records.
 */
@ExtendWith(TestPipelineExtension.class)
class ReadHoldingsTrustTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);

  @TempDir Path dir;
  private Path accounts;
  private Path models;
  private Path prices;

  @BeforeEach
  void referenceFiles() throws IOException {
    accounts = write("accounts.csv", """
        brokerage_id,account_id,household_id,model_id,cash_reserve
        B1,A1,H1,m1,0
        B1,A2,H1,m1,0
        """);
    // GLD is in the model, not held: its last close is 7 days old. XOM is held: 6 days old.
    models = write("models.csv", """
        model_id,symbol,target_weight
        m1,VTI,0.5
        m1,GLD,0.3
        m1,CASH,0.2
        """);
    prices = write("prices.csv", """
        date,symbol,close
        2026-11-20,VTI,200.00
        2026-11-13,GLD,241.00
        2026-11-14,XOM,110.00
        """);
  }

  @Test
  void anAccountInTwoFilesOfAGlobIsAProblemAndDoesNotGoOn(TestPipeline pipeline)
      throws IOException {
    DomainCoders.registerOn(pipeline);
    String today = write("B1/positions-2026-11-20.csv", """
        account_id,symbol,quantity,price,asset_class
        A1,VTI,40,200.00,EQUITY
        A2,VTI,1,200.00,EQUITY
        """).toString();
    String yesterday = write("B1/positions-2026-11-19.csv", """
        account_id,symbol,quantity,price,asset_class
        A1,VTI,40,199.00,EQUITY
        """).toString();
    PCollectionTuple out = read(pipeline, dir.resolve("B1/positions-*.csv").toString());

    PAssert.that(out.get(ReadHoldings.ACCOUNTS).apply("Keys", MapElements
        .into(TypeDescriptor.of(AccountKey.class)).via((AccountHoldings a) -> a.info().key())))
        .containsInAnyOrder(new AccountKey("B1", "A2"));
    PAssert.that(messages(out)).satisfies(found -> {
      List<String> list = new ArrayList<>();
      found.forEach(m -> {
        if (!m.contains("price history")) { // GLD's stale close is the other test's
          list.add(m);
        }
      });
      assertThat(list.toString(), list.size() == 1);
      assertThat(list.get(0), containsString("account A1 of brokerage B1 is in two files of"
          + " source B1: " + yesterday + " and " + today));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void staleClosesOfHeldAndModelSymbolsAreProblemsOncePerSymbol(TestPipeline pipeline)
      throws IOException {
    DomainCoders.registerOn(pipeline);
    write("B1/positions.csv", """
        account_id,symbol,quantity,price,asset_class
        A1,XOM,10,110.00,EQUITY
        A2,XOM,5,110.00,EQUITY
        A1,VTI,3,200.00,EQUITY
        A1,CASH,100,1,CASH
        """);
    PCollectionTuple out = read(pipeline, dir.resolve("B1/positions.csv").toString());

    PAssert.that(out.get(ReadHoldings.PROBLEMS).apply("Keys", MapElements
        .into(TypeDescriptors.strings()).via(p -> p.kind() + " " + p.key())))
        .containsInAnyOrder("STALE_PRICE GLD", "STALE_PRICE XOM");
    PAssert.that(messages(out)).satisfies(found -> {
      found.forEach(m -> assertThat(m, containsString("validation.maxPriceAgeDays is 5")));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void anExportPriceFarFromTheLatestCloseIsAPriceBreakNotAProblem(TestPipeline pipeline)
      throws IOException {
    DomainCoders.registerOn(pipeline);
    String file = write("B1/positions.csv", """
        account_id,symbol,quantity,price,asset_class
        A1,VTI,10,211.00,EQUITY
        A2,VTI,10,209.00,EQUITY
        """).toString();
    PCollectionTuple out = read(pipeline, file);

    PAssert.that(out.get(ReadHoldings.PRICE_BREAKS)).containsInAnyOrder(new PriceBreak("B1",
        file, 2, "B1", "A1", "VTI", new BigDecimal("211.00"), new BigDecimal("200.00"),
        RUN_DATE, new BigDecimal("0.055")));
    PAssert.that(out.get(ReadHoldings.PROBLEMS).apply("Kinds", MapElements
        .into(TypeDescriptors.strings()).via(p -> p.kind() + " " + p.key())))
        .containsInAnyOrder("STALE_PRICE GLD");
    pipeline.run().waitUntilFinish();
  }

  private static org.apache.beam.sdk.values.PCollection<String> messages(PCollectionTuple out) {
    return out.get(ReadHoldings.PROBLEMS).apply("Messages", MapElements
        .into(TypeDescriptors.strings()).via(InputProblem::message));
  }

  private PCollectionTuple read(TestPipeline pipeline, String uri) {
    PipelineConfig config = new PipelineConfig("test", dir.resolve("test.yaml").toString(), null,
        List.of(new SourceConfig("B1", uri, "canonical", null)), accounts.toString(),
        models.toString(), prices.toString(), RebalanceRules.defaults(), 4,
        ValidationRules.defaults(), Map.of());
    ReadReferenceData.Read reference = ReadReferenceData.from(pipeline, config, RUN_DATE);
    return pipeline.apply("ReadHoldings", ReadHoldings.from(config, reference.views(),
        reference.accounts(), RUN_DATE, 3));
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
