package io.rebalancer;

import io.rebalancer.OptionsHelp.LauncherValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The --help of each pipeline launcher. runners/*.sh print it from the checked-in copies in
 * runners/help/, so that --help answers at once on a fresh clone, before anything is built;
 * LauncherHelpTest fails when a copy differs from what the options generate.
 */
final class LauncherHelp {
  static final String DIRECT_OPTIONS = "org.apache.beam.runners.direct.DirectOptions";
  static final String FLINK_OPTIONS = "org.apache.beam.runners.flink.FlinkPipelineOptions";
  /** What runners/lib.sh passes on each runner unless given (DIRECT_DEFAULTS, FLINK_DEFAULTS). */
  static final List<LauncherValue> DIRECT_DEFAULTS = List.of(
      new LauncherValue("enforceImmutability", "false", true),
      new LauncherValue("enforceEncodability", "false", true));
  static final List<LauncherValue> FLINK_DEFAULTS = List.of(
      new LauncherValue("objectReuse", "true", true),
      new LauncherValue("fasterCopy", "true", true));

  /** A launcher: its command, what it does, its runner and what it passes. */
  record Launcher(String file, String command, String about, String runner, String runnerName,
      String runnerOptions, List<LauncherValue> values) {}

  static final List<Launcher> SCRIPTS = List.of(
      new Launcher("direct", "runners/direct.sh", """
          Runs the daily rebalance on the Beam Direct runner, in this JVM: nothing to
          install but Java and Maven. Builds the project with Maven on first use (or
          when sources changed). JAVA_OPTS adds JVM options (default heap: half the
          machine's memory, at most 3 GB).
          """, "DirectRunner", "Direct runner", DIRECT_OPTIONS, DIRECT_DEFAULTS),
      new Launcher("flink-local", "runners/flink-local.sh", """
          Runs the daily rebalance on an embedded Flink mini-cluster, in this JVM: the
          same outputs as on the Direct runner. Builds the project on first use (or when
          sources changed). JAVA_OPTS adds JVM options (default heap: at most 1.5 GB;
          Flink sorts and spills off the heap).
          """, "FlinkRunner", "Flink runner", FLINK_OPTIONS,
          with(FLINK_DEFAULTS, new LauncherValue("flinkMaster", "[local]", false))),
      new Launcher("flink-submit", "runners/flink-submit.sh", """
          Submits the daily rebalance to a running Flink 1.19 cluster (as started by
          runners/flink-cluster.sh start), waits for the job, then publishes its
          outputs: exit 0 only if the job finished and the outputs were published.
          Builds target/portfolio-rebalancer-bundled.jar first if it is missing or older
          than the sources. Paths must be visible to this client and every TaskManager.
          """, "FlinkRunner", "Flink runner", FLINK_OPTIONS,
          with(FLINK_DEFAULTS, new LauncherValue("flinkMaster", "127.0.0.1:8081", true),
              new LauncherValue("filesToStage", "target/portfolio-rebalancer-bundled.jar",
                  false))));

  private LauncherHelp() {}

  private static List<LauncherValue> with(List<LauncherValue> base, LauncherValue... more) {
    List<LauncherValue> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return List.copyOf(all);
  }

  /** RunCommand's own --help (java -jar, flink run, mvn exec:java): for the runner given. */
  static String forRunCommand(String runner) {
    boolean flink = runner.equals("FlinkRunner") || runner.endsWith(".FlinkRunner");
    return text(new Launcher(null, "RunCommand", """
        The daily rebalance: reads every brokerage's holdings, analyses each account,
        rebalances each household against its model, writes trade orders and loads a
        DuckDB warehouse. The main class of runners/direct.sh, flink-local.sh and
        flink-submit.sh, and of the bundled jar; --runner=FlinkRunner --help lists
        the Flink runner's options.
        """, flink ? "FlinkRunner" : "DirectRunner", flink ? "Flink runner" : "Direct runner",
        flink ? FLINK_OPTIONS : DIRECT_OPTIONS, List.of()));
  }

  static String text(Launcher l) {
    String command = l.command();
    StringBuilder out = new StringBuilder(l.about()).append('\n');
    String indent = " ".repeat(command.length());
    out.append("Usage: ").append(command).append(" [--name=value ...]\n");
    out.append("       ").append(command).append(" --help | -h    this text\n");
    out.append("       ").append(command).append(" --help=NAME    an options interface with\n")
        .append("       ").append(indent).append("                those it extends, as Beam"
            + " prints it\n\n");
    out.append(OptionsHelp.options(OptionsHelp.load(l.runnerOptions()), l.runner(),
        l.runnerName(), command, l.values()));
    out.append("""
        Options are --name=value; a boolean option may be given as --name alone.
        Relative paths, on the command line and in the config, resolve against the
        folder you run in.
        """);
    out.append(wrap("--help=NAME knows: " + String.join(", ", OptionsHelp.interfaces().keySet())
        + ".", 80));
    out.append("""
        Exit status: 0 on success; 1 with one line on stderr naming what failed and
        what to change (a stack trace with --verbose), and nothing published.
        """);
    return out.toString();
  }

  /** Every generated text, by its path under runners/help/. */
  static Map<String, String> texts() {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Launcher l : SCRIPTS) {
      texts.put(l.file() + ".txt", text(l));
    }
    OptionsHelp.interfaces().forEach((name, c) ->
        texts.put("options/" + name + ".txt", OptionsHelp.beamHelp(c)));
    return texts;
  }

  /** Writes the texts into runners/help/, removing options texts no interface generates. */
  static void write(Path helpDir) {
    try {
      Map<String, String> texts = texts();
      Files.createDirectories(helpDir.resolve("options"));
      try (Stream<Path> old = Files.list(helpDir.resolve("options"))) {
        for (Path p : old.toList()) {
          if (!texts.containsKey("options/" + p.getFileName())) {
            Files.delete(p);
          }
        }
      }
      for (var t : texts.entrySet()) {
        Files.writeString(helpDir.resolve(t.getKey()), t.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.append(line).append('\n');
        line.setLength(0);
        line.append("  ");
      }
      line.append(line.length() == 0 || line.toString().isBlank() ? "" : " ").append(word);
    }
    return out.append(line).append('\n').toString();
  }
}
