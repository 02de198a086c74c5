package io.rebalancer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The launchers' --help: generated from the options, checked in, and current. */
class LauncherHelpTest {
  private static final Path PROJECT = Path.of(System.getProperty("project.basedir",
      System.getProperty("user.dir"))).toAbsolutePath();
  private static final Path HELP = PROJECT.resolve("runners/help");
  private static final String REGENERATE =
      "mvn -q test -Dtest=LauncherHelpTest -DregenerateHelp=true";

  @Test
  void theCheckedInTextsAreWhatTheOptionsGenerate() throws IOException {
    if (Boolean.getBoolean("regenerateHelp")) {
      LauncherHelp.write(HELP);
    }
    Map<String, String> generated = LauncherHelp.texts();
    for (var text : generated.entrySet()) {
      Path file = HELP.resolve(text.getKey());
      String stale = "runners/help/" + text.getKey() + " is not what the options generate:"
          + " regenerate the texts with `" + REGENERATE + "` and commit them";
      assertThat(stale, Files.exists(file), is(true));
      assertThat(stale, Files.readString(file, StandardCharsets.UTF_8), is(text.getValue()));
    }
    TreeSet<String> expected = generated.keySet().stream().filter(k -> k.startsWith("options/"))
        .collect(Collectors.toCollection(TreeSet::new));
    TreeSet<String> present;
    try (Stream<Path> files = Files.list(HELP.resolve("options"))) {
      present = files.map(f -> "options/" + f.getFileName())
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat("options texts no interface generates: regenerate with `" + REGENERATE + "`",
        present, is(expected));
  }

  @Test
  void everyLauncherListsEveryPipelineOptionAndItsRunnersOwn() {
    for (LauncherHelp.Launcher l : LauncherHelp.SCRIPTS) {
      String text = LauncherHelp.text(l);
      for (String option : declaredOptions(RebalanceOptions.class)) {
        assertThat(l.command(), text, containsString("\n  --" + option + "=<"));
      }
      for (String option : declaredOptions(OptionsHelp.load(l.runnerOptions()))) {
        assertThat(l.command(), text, containsString("\n  --" + option + "=<"));
      }
      assertThat(text, startsWith(l.about()));
    }
    String flink = LauncherHelp.text(LauncherHelp.SCRIPTS.get(1));
    assertThat(flink, containsString("""
          --keyBuckets=<int>
            Default: 65536
        """));
    assertThat(flink, containsString("""
          --flinkMaster=<String>
            Default: [auto]
            runners/flink-local.sh passes --flinkMaster=[local]
        """));
    assertThat(flink, containsString("\n  --parallelism=<Integer>\n    Default: -1\n"));
    assertThat(LauncherHelp.text(LauncherHelp.SCRIPTS.get(0)), containsString("""
          --keyBuckets=<int>
            Default: 16
        """));
  }

  /** The values the texts say a launcher passes are the ones runners/lib.sh and it pass. */
  @Test
  void theValuesALauncherPassesAreTheOnesItsScriptPasses() throws IOException {
    String lib = Files.readString(PROJECT.resolve("runners/lib.sh"));
    assertThat(shellList(lib, "DIRECT_DEFAULTS"), is(options(LauncherHelp.DIRECT_DEFAULTS)));
    assertThat(shellList(lib, "FLINK_DEFAULTS"), is(options(LauncherHelp.FLINK_DEFAULTS)));
    for (LauncherHelp.Launcher l : LauncherHelp.SCRIPTS) {
      String script = Files.readString(PROJECT.resolve(l.command())) + lib;
      for (var v : l.values()) {
        assertThat(l.command() + " passes --" + v.option(), script,
            containsString("--" + v.option() + "="));
        assertThat(l.command() + " passes " + v.value(), script, containsString(v.value()));
      }
    }
  }

  @Test
  void runCommandPrintsTheOptionsOfTheRunnerGiven() {
    String direct = run(0, "--help");
    assertThat(direct, startsWith("The daily rebalance"));
    assertThat(direct, containsString("\nDirectOptions (the Direct runner):\n"));
    assertThat(run(0, "-h"), is(direct));
    String flink = run(0, "--runner=FlinkRunner", "--help");
    assertThat(flink, containsString("\nFlinkPipelineOptions (the Flink runner):\n"));
    assertThat(flink, containsString("\n  --flinkMaster=<String>\n"));
  }

  @Test
  void helpWithAnInterfaceNamePrintsWhatBeamPrints() {
    String text = run(0, "--help=FlinkPipelineOptions");
    assertThat(text, startsWith("org.apache.beam.runners.flink.FlinkPipelineOptions:\n"));
    assertThat(Arrays.asList(text.split("\n")), hasItems("  --parallelism=<Integer>",
        "  --flinkMaster=<String>", "org.apache.beam.sdk.options.PipelineOptions:"));
    assertThat(run(0, "--help=org.apache.beam.runners.flink.FlinkPipelineOptions"), is(text));
    assertThat(run(0, "--help=RebalanceOptions"),
        startsWith("io.rebalancer.RebalanceOptions:\n\n  --config=<String>\n"));
  }

  @Test
  void helpWithAnUnknownNameListsTheKnownOnes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new RunCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"--help=Nope"});
    assertThat(exit, is(1));
    assertThat(out.toString(StandardCharsets.UTF_8), is(""));
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.size(), is(1));
    assertThat(lines.get(0), startsWith("error: --help=Nope: no options interface of that name"
        + " (known: ApplicationNameOptions, DirectOptions,"));
  }

  private static String run(int expectedExit, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new RunCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    assertThat(err.toString(StandardCharsets.UTF_8), exit, is(expectedExit));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The options an interface declares itself, as Beam names them. */
  private static List<String> declaredOptions(Class<?> options) {
    return Arrays.stream(options.getDeclaredMethods())
        .filter(m -> m.getParameterCount() == 0 && !m.isSynthetic()
            && (m.getName().startsWith("get") || m.getName().startsWith("is")))
        .filter(m -> m.getAnnotation(org.apache.beam.sdk.options.Hidden.class) == null)
        .map(Method::getName)
        .map(n -> java.beans.Introspector.decapitalize(n.substring(n.startsWith("is") ? 2 : 3)))
        .toList();
  }

  private static List<String> shellList(String script, String variable) {
    Matcher m = Pattern.compile("(?m)^" + variable + "=\"([^\"]*)\"").matcher(script);
    assertThat(variable + " in runners/lib.sh", m.find(), is(true));
    return List.of(m.group(1).split(" "));
  }

  private static List<String> options(List<OptionsHelp.LauncherValue> values) {
    return values.stream().map(v -> "--" + v.option() + "=" + v.value()).toList();
  }
}
