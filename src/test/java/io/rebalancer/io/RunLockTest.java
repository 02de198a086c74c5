package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock of an output folder or warehouse (across processes: ConcurrentRunsIT). */
class RunLockTest {
  private static final Instant T = Instant.parse("2026-11-20T22:00:00Z");
  @TempDir Path dir;

  @Test
  void aSecondTakerIsToldWhichRunAndProcessHoldIt() throws Exception {
    Path file = RunLock.ofOutputFolder(dir.resolve("out"));
    try (RunLock held = RunLock.take(file, "output folder out", "--outputDir", "r1", T)) {
      assertThat(RunLock.isHeldHere(file), is(true));
      assertThat(Files.readString(file), containsString("run r1 (process "
          + ProcessHandle.current().pid() + ", started 2026-11-20T22:00:00Z)"));
      InputException e = assertThrows(InputException.class,
          () -> RunLock.take(file, "output folder out", "--outputDir", "r2", T));
      assertThat(e.getMessage(), is("output folder out is in use by run r1 (process "
          + ProcessHandle.current().pid() + ", started 2026-11-20T22:00:00Z): wait for that"
          + " run to finish, or pass another --outputDir"));
    }
    assertThat(RunLock.isHeldHere(file), is(false));
    try (RunLock again = RunLock.take(file, "output folder out", "--outputDir", "r2", T)) {
      assertThat("the next holder says so", Files.readString(file),
          containsString("run r2 (process"));
    }
  }

  @Test
  void theWarehouseLockIsAHiddenFileBesideIt() {
    assertThat(RunLock.ofWarehouse(dir.resolve("w.duckdb")), is(dir.resolve(".w.duckdb.lock")));
  }
}
