package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renames a run publishes, finished by the next run when the first stopped among them. */
class PublishPlanTest {
  @TempDir Path dir;

  @Test
  void aPlanReadBackFinishesWhatTheFirstApplyLeft() throws Exception {
    StagingArea staging = StagingArea.create(dir, "r1");
    Path report = Files.writeString(staging.path().resolve("report.html"), "new report");
    Path orders = Files.writeString(staging.path().resolve("orders.csv"), "new orders");
    Files.writeString(dir.resolve("orders.csv"), "old orders");
    Files.writeString(dir.resolve("rejected.csv"), "old rejected");
    PublishPlan plan = new PublishPlan(List.of(
        new PublishPlan.Step(report, dir.resolve("report.html")),
        new PublishPlan.Step(orders, dir.resolve("orders.csv")),
        new PublishPlan.Step(null, dir.resolve("rejected.csv"))));
    plan.writeTo(staging);
    // the first process renamed the report, then died
    StagingArea.publish(report, dir.resolve("report.html"));

    PublishPlan read = PublishPlan.readFrom(staging);
    assertThat(read, is(plan));
    assertThat("only the orders were left to rename", read.apply(), is(1));
    assertThat(Files.readString(dir.resolve("report.html")), is("new report"));
    assertThat(Files.readString(dir.resolve("orders.csv")), is("new orders"));
    assertThat(Files.exists(dir.resolve("rejected.csv")), is(false));
    assertThat("applied twice, nothing more", read.apply(), is(0));
  }

  @Test
  void aStagingWithoutAPlanNeverReachedItsCommit() {
    assertThat(PublishPlan.readFrom(StagingArea.create(dir, "r1")), is(nullValue()));
  }
}
