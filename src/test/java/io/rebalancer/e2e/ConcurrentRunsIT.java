package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs at once on one output folder, or on one warehouse from two folders: the first holds
 * both, the second is refused at once with the run and process that hold them, and the first
 * finishes as if it had been alone.
 */
class ConcurrentRunsIT {
  private static final Pattern STARTED = Pattern.compile("run (\\S+) started");
  private static Path project;

  @TempDir Path dir;

  @BeforeAll
  static void launcherIsBuilt() throws IOException {
    project = Launcher.projectRoot();
    Launcher.ensureBuilt(project);
  }

  @Test
  void theSecondRunOnAFolderOrWarehouseIsRefusedAndTheFirstIsUntouched() throws Exception {
    Launcher launcher = new Launcher(project, Files.createDirectories(dir.resolve("logs")));
    Path alone = dir.resolve("alone");
    Launcher.Run reference = launcher.run("direct.sh", "--outputDir=" + alone);
    assertThat(reference.describe(), reference.exitCode(), is(0));

    Path output = dir.resolve("output");
    Launcher.Started first = launcher.start("direct.sh", "--outputDir=" + output);
    first.awaitStdout(" started");
    Matcher id = STARTED.matcher(Files.readString(first.out()));
    assertThat(id.find(), is(true));
    String holder = "run " + id.group(1) + " \\(process " + first.process().descendants()
        .filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
        .map(ProcessHandle::pid).orElse(first.process().pid()) + ", started [^)]+\\)";

    Launcher.Run sameFolder = launcher.run("direct.sh", "--outputDir=" + output);
    Launcher.Run sameWarehouse = launcher.run("direct.sh", "--outputDir=" + dir.resolve("other"),
        "--warehouse=" + output.resolve("warehouse.duckdb"));
    Launcher.Run firstRun = first.finish();

    assertThat(sameFolder.describe(), sameFolder.exitCode(), is(1));
    assertThat(sameFolder.stderrLines(), hasSize(1));
    assertThat(sameFolder.stderrLines().get(0), matchesPattern("error: output folder "
        + Pattern.quote(output.toString()) + " is in use by " + holder + ": wait for that run"
        + " to finish, or pass another --outputDir"));
    assertThat(sameWarehouse.describe(), sameWarehouse.exitCode(), is(1));
    assertThat(sameWarehouse.stderrLines(), hasSize(1));
    assertThat(sameWarehouse.stderrLines().get(0), matchesPattern("error: warehouse "
        + Pattern.quote(output.resolve("warehouse.duckdb").toString()) + " is in use by "
        + holder + ": wait for that run to finish, or pass another --warehouse"));
    assertThat("the refused runs staged nothing", Files.exists(dir.resolve("other")
        .resolve("trade_orders_20261120.csv")), is(false));

    assertThat(firstRun.describe(), firstRun.exitCode(), is(0));
    assertThat(Files.readAllBytes(output.resolve("trade_orders_20261120.csv")),
        is(Files.readAllBytes(alone.resolve("trade_orders_20261120.csv"))));
    assertThat(Launcher.warehouseContents(output.resolve("warehouse.duckdb")),
        is(Launcher.warehouseContents(alone.resolve("warehouse.duckdb"))));
    assertThat("the refused runs left no row in the warehouse they did not hold",
        Launcher.query(output.resolve("warehouse.duckdb"),
            "SELECT status, count(*) FROM pipeline_runs GROUP BY ALL"),
        is(List.of(List.of("SUCCEEDED", 1L))));
    try (var staged = Files.list(output)) {
      assertThat(staged.filter(f -> f.getFileName().toString().startsWith(".staging-")).toList(),
          is(List.of()));
    }
  }
}
