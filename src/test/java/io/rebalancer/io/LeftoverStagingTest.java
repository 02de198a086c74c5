package io.rebalancer.io;

import static io.rebalancer.io.StagedHouseholds.query;
import static io.rebalancer.io.StagedHouseholds.run;
import static io.rebalancer.io.StagedHouseholds.stage;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the next run does with a killed run's staging, on a real DuckDB file: the warehouse
 * commit decides whether the killed run is finished or removed (the kill itself: KillAnywhereIT).
 */
class LeftoverStagingTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 20);
  private static final Instant T = Instant.parse("2026-11-20T22:00:00Z");
  private static final String[] BOOK = {"H: a1 A 70 C 10; a2 CASH 200"};

  @TempDir Path dir;

  private Path out() {
    return dir.resolve("out");
  }

  private Path warehouse() {
    return out().resolve("warehouse.duckdb");
  }

  private StagingArea killedRun(boolean detached) throws Exception {
    StagingArea staging = stage(out(), D, BOOK); // staged as run "run"
    new RunManifest("run", D, T, "DirectRunner", dir.resolve("config.yaml"), out(), warehouse(),
        detached).writeTo(staging);
    return staging;
  }

  private PublishPlan planOf(StagingArea staging) throws Exception {
    Path orders = Files.writeString(staging.path().resolve("orders.csv"), "new orders");
    PublishPlan plan = new PublishPlan(List.of(
        new PublishPlan.Step(orders, out().resolve("orders.csv"))));
    plan.writeTo(staging);
    return plan;
  }

  @Test
  void aRunKilledBeforeItsCommitIsRemovedAndRecordedAsStopped() throws Exception {
    try (Warehouse w = Warehouse.open(warehouse())) {
      w.recordFailure(RunRecord.failed("earlier", D, T, "test", "cfg", "boom"));
    }
    StagingArea staging = killedRun(false);
    planOf(staging); // it got as far as its plan, but the warehouse never committed it
    List<LeftoverStaging.Outcome> outcomes =
        LeftoverStaging.recover(out(), warehouse(), "next", T.plusSeconds(60));

    assertThat(outcomes, contains(new LeftoverStaging.Outcome("run", "run run (started "
        + T + ") stopped before it finished: removed its staging; nothing of it was"
        + " published")));
    assertThat(Files.exists(staging.path()), is(false));
    assertThat(Files.exists(out().resolve("orders.csv")), is(false));
    try (Warehouse w = Warehouse.open(warehouse())) {
      assertThat(query(w.connection(), "SELECT status || ': ' || error FROM pipeline_runs"
          + " WHERE run_id = 'run'"), contains("FAILED: stopped before it finished (killed,"
          + " or its machine lost); run next removed its staging"));
      assertThat(query(w.connection(), "SELECT * FROM holdings"), is(empty()));
    }
  }

  @Test
  void aRunKilledAfterItsCommitIsPublishedToTheEnd() throws Exception {
    StagingArea staging = killedRun(false);
    try (Warehouse w = Warehouse.open(warehouse())) {
      PublishPlan plan = planOf(staging);
      w.loadRun(D, staging, run("run", D, T), c -> plan.writeTo(staging));
    }
    List<LeftoverStaging.Outcome> outcomes =
        LeftoverStaging.recover(out(), warehouse(), "next", T.plusSeconds(60));

    assertThat(outcomes, contains(new LeftoverStaging.Outcome("run", "run run had committed"
        + " to the warehouse when it stopped: finished publishing it (1 file renamed into"
        + " place)")));
    assertThat(Files.readString(out().resolve("orders.csv")), is("new orders"));
    assertThat(Files.exists(staging.path()), is(false));
    try (Warehouse w = Warehouse.open(warehouse())) {
      assertThat(query(w.connection(), "SELECT status FROM pipeline_runs"),
          contains("SUCCEEDED"));
    }
  }

  @Test
  void aDetachedJobsStagingIsLeftForPublish() throws Exception {
    StagingArea staging = killedRun(true);
    assertThat(LeftoverStaging.recover(out(), warehouse(), "next", T), is(empty()));
    assertThat(Files.isDirectory(staging.path()), is(true));
  }

  @Test
  void aStagingKilledBeforeItsManifestIsRemoved() throws Exception {
    StagingArea staging = StagingArea.create(out(), "early");
    Files.writeString(staging.path().resolve("run.properties.tmp"), "runId=ea");
    assertThat(LeftoverStaging.recover(out(), warehouse(), "next", T), contains(
        new LeftoverStaging.Outcome("early", "run early stopped before it finished: removed its"
            + " staging; nothing of it was published")));
    assertThat(Files.exists(staging.path()), is(false));
    assertThat("no warehouse is made for it", Files.exists(warehouse()), is(false));
  }

  @Test
  void whatFailsBeforeTheCommitRollsTheLoadBack() throws Exception {
    StagingArea staging = stage(dir.resolve("s"), D, BOOK);
    try (Warehouse w = Warehouse.open(warehouse())) {
      assertThrows(IllegalStateException.class, () -> w.loadRun(D, staging, run("run", D, T),
          c -> {
            throw new IllegalStateException("the report could not be written");
          }));
      assertThat(query(w.connection(), "SELECT count(*) FROM holdings"), contains("0"));
      assertThat(query(w.connection(), "SELECT count(*) FROM pipeline_runs"), contains("0"));
    }
  }
}
