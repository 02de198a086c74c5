package io.rebalancer.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.rebalancer.logging.RunProgress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A stage's progress line is logged once, with its total, when the stage is complete, and after
 * what it waits on; the workers are in this JVM on the Direct runner and embedded Flink.
 */
@ExtendWith(TestPipelineExtension.class)
class LogProgressTest {
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger own = (Logger) LoggerFactory.getLogger("io.rebalancer");
  private final RunProgress progress = RunProgress.since(Instant.now());

  @BeforeEach
  void capture() {
    lines.start();
    own.addAppender(lines);
  }

  @AfterEach
  void release() {
    own.detachAppender(lines);
  }

  @Test
  void logsTheStagesTotalOnce(TestPipeline pipeline) {
    PCollection<Long> total = pipeline.apply(Create.of("a", "bb", "cccccc"))
        .apply(LogProgress.of(progress, "%d letters read", (String s) -> (long) s.length()));
    PAssert.thatSingleton(total).isEqualTo(9L);
    pipeline.run().waitUntilFinish();

    assertThat(messages(), contains(matchesPattern("\\[ +\\d+\\.\\d s\\] 9 letters read")));
  }

  @Test
  void anEmptyStageSaysZero(TestPipeline pipeline) {
    pipeline.apply(Create.empty(StringUtf8Coder.of()))
        .apply(LogProgress.of(progress, "%d orders written", (String s) -> 1L));
    pipeline.run().waitUntilFinish();

    assertThat(messages(), contains(matchesPattern("\\[ +\\d+\\.\\d s\\] 0 orders written")));
  }

  @Test
  void waitsForWhatItIsAfter(TestPipeline pipeline) {
    PCollection<String> written = pipeline.apply("File", Create.of("orders.csv"))
        .apply("Write", ParDo.of(new WriteAfterTheOrders()));
    pipeline.apply("Orders", Create.of("o1", "o2"))
        .apply("Seen", ParDo.of(new Seen()))
        .apply(LogProgress.of(progress, "%d orders written", (String s) -> 1L).after(written));
    pipeline.run().waitUntilFinish();

    List<String> logged = messages();
    int write = logged.indexOf("wrote orders.csv");
    int line = logged.size() - 1;
    assertThat(logged.get(line), matchesPattern("\\[ +\\d+\\.\\d s\\] 2 orders written"));
    assertThat(logged.toString(), write, lessThan(line));
  }

  /** Orders on their way to the count: once both are seen, the count could be logged. */
  private static final CountDownLatch ORDERS_SEEN = new CountDownLatch(2);

  static final class Seen extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String order, OutputReceiver<String> out) {
      out.output(order);
      ORDERS_SEEN.countDown();
    }
  }

  /**
   * A file written from the orders, slowly: a count that did not wait for it would be logged in
   * the seconds this write takes after the orders reached the count.
   */
  static final class WriteAfterTheOrders extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String file, OutputReceiver<String> out)
        throws InterruptedException {
      ORDERS_SEEN.await(2, TimeUnit.MINUTES);
      Thread.sleep(3000);
      LoggerFactory.getLogger("io.rebalancer.test").info("wrote " + file);
      out.output(file);
    }
  }

  private List<String> messages() {
    synchronized (lines) {
      return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }
}
