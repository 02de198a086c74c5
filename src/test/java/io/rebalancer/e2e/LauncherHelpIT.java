package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every script's --help on a fresh copy of the project (no target/, nothing built): its own
 * text, at once, building and starting nothing.
 */
class LauncherHelpIT {
  private static final Duration INSTANT = Duration.ofSeconds(2);
  private static final List<String> PIPELINE_LAUNCHERS =
      List.of("direct.sh", "flink-local.sh", "flink-submit.sh");

  @TempDir Path dir;
  private Path copy;
  private Launcher launcher;

  @BeforeEach
  void freshCopy() throws IOException {
    Path project = Launcher.projectRoot();
    copy = dir.resolve("project");
    for (String part : List.of("runners", "pipelines", "pom.xml")) {
      copyTree(project.resolve(part), copy.resolve(part));
    }
    launcher = new Launcher(copy, Files.createDirectories(dir.resolve("logs")));
  }

  /** The scripts a user runs: every runners/*.sh that is not sourced (lib.sh, help.sh). */
  private List<String> scripts() throws IOException {
    try (Stream<Path> files = Files.list(copy.resolve("runners"))) {
      return files.filter(f -> f.toString().endsWith(".sh"))
          .filter(f -> firstLine(f).startsWith("#!"))
          .map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void everyScriptPrintsItsOwnUsageAtOnceWithoutBuilding() throws Exception {
    List<String> scripts = scripts();
    assertThat(scripts, hasItems("benchmark.sh", "direct.sh", "flink-cluster.sh",
        "flink-local.sh", "flink-submit.sh", "query.sh"));
    for (String script : scripts) {
      Path text = copy.resolve("runners/help/" + script.replace(".sh", ".txt"));
      assertThat("runners/" + script + " has no usage text: write it in runners/help/"
          + text.getFileName() + " and source runners/help.sh first", Files.exists(text),
          is(true));
      String expected = Files.readString(text);
      for (String flag : List.of("--help", "-h")) {
        long start = System.nanoTime();
        Launcher.Run run = launcher.run(script, flag);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(script + " " + flag + "\n" + run.describe(), run.exitCode(), is(0));
        assertThat(script + " " + flag, run.stdout(), is(expected));
        assertThat(script + " " + flag, run.stderrLines(), is(empty()));
        assertThat(script + " " + flag + " took " + took, took, lessThan(INSTANT));
      }
    }
    // nothing was built, resolved or started
    assertThat(Files.exists(copy.resolve("target")), is(false));
    assertThat(Files.exists(copy.resolve(".flink")), is(false));
  }

  @Test
  void thePipelineLaunchersListEveryOptionOfThePipeline() throws Exception {
    List<String> options = Arrays.stream(io.rebalancer.RebalanceOptions.class.getDeclaredMethods())
        .map(m -> m.getName()).filter(n -> n.startsWith("get"))
        .map(n -> java.beans.Introspector.decapitalize(n.substring(3))).toList();
    assertThat(options.contains("keyBuckets"), is(true));
    for (String script : PIPELINE_LAUNCHERS) {
      String help = launcher.run(script, "--help").stdout();
      for (String option : options) {
        assertThat(script, help, containsString("\n  --" + option + "=<"));
      }
      assertThat(script, help, startsWith(Files.readString(copy.resolve("runners/help/"
          + script.replace(".sh", ".txt"))).substring(0, 20)));
    }
    String flink = launcher.run("flink-submit.sh", "--help").stdout();
    assertThat(flink, containsString("\n  --flinkMaster=<String>\n"));
    assertThat(flink, containsString("\n  --parallelism=<Integer>\n"));
    assertThat(flink, containsString("runners/flink-submit.sh passes"
        + " --flinkMaster=127.0.0.1:8081 unless given"));
  }

  @Test
  void helpWithAnInterfaceNamePrintsBeamsTextOfIt() throws Exception {
    String beams = Files.readString(copy.resolve("runners/help/options/FlinkPipelineOptions.txt"));
    Launcher.Run run = launcher.run("flink-submit.sh", "--help=FlinkPipelineOptions");
    assertThat(run.describe(), run.exitCode(), is(0));
    assertThat(run.stdout(), is(beams));
    assertThat(run.stdout(), startsWith("org.apache.beam.runners.flink.FlinkPipelineOptions:\n"));
    assertThat(launcher.run("direct.sh", "--help=org.apache.beam.runners.flink"
        + ".FlinkPipelineOptions").stdout(), is(beams));

    Launcher.Run unknown = launcher.run("direct.sh", "--help=Nope");
    assertThat(unknown.describe(), unknown.exitCode(), is(2));
    assertThat(unknown.stdout(), is(""));
    assertThat(unknown.stderrLines().size(), is(1));
    assertThat(unknown.stderrLines().get(0), startsWith("error: --help=Nope: no options"
        + " interface of that name (known: ApplicationNameOptions, DirectOptions,"));
    assertThat(Files.exists(copy.resolve("target")), is(false));
  }

  @Test
  void helpAnywhereAmongTheArgumentsWinsAndStartsNothing() throws Exception {
    Launcher.Run cluster = launcher.run("flink-cluster.sh", "start", "--port=1", "--help");
    assertThat(cluster.describe(), cluster.exitCode(), is(0));
    assertThat(cluster.stdout(), startsWith("A standalone Flink 1.19 session cluster"));
    Launcher.Run bench = launcher.run("benchmark.sh", "500", "--runs=3", "-h");
    assertThat(bench.describe(), bench.exitCode(), is(0));
    assertThat(bench.stdout(), startsWith("Times the pipeline"));
    assertThat(launcher.run("flink-cluster.sh", "help").stdout(), is(cluster.stdout()));
    assertThat(Files.exists(copy.resolve("target")), is(false));
    assertThat(Files.exists(copy.resolve(".flink")), is(false));
  }

  private static String firstLine(Path f) {
    try (Stream<String> lines = Files.lines(f)) {
      return lines.findFirst().orElse("");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
