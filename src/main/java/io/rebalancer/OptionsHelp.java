package io.rebalancer;

import io.rebalancer.core.InputException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The options help, generated from the options interfaces: Beam's own text for one interface and
 * those it extends (what Beam prints for --help=NAME), and a launcher's text, made of the same
 * sections with the defaults that apply on that launcher. Runner interfaces are loaded by name,
 * so that this class does not need a runner at compile time.
 */
final class OptionsHelp {
  /** A value a launcher passes: always, or unless the user gives the option. */
  record LauncherValue(String option, String value, boolean unlessGiven) {}

  private OptionsHelp() {}

  /** What Beam's PipelineOptionsFactory prints for --help=NAME. */
  static String beamHelp(Class<? extends PipelineOptions> options) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
    PipelineOptionsFactory.printHelp(out, options);
    return text.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  /**
   * Beam's text cut into its sections, one per interface by full name: each option's lines,
   * from its "  --name=<type>" line to the next.
   */
  static Map<String, List<List<String>>> sections(Class<? extends PipelineOptions> options) {
    Map<String, List<List<String>>> sections = new LinkedHashMap<>();
    List<List<String>> current = null;
    for (String line : beamHelp(options).split("\n")) {
      if (!line.startsWith(" ") && line.endsWith(":")) {
        current = new ArrayList<>();
        sections.put(line.substring(0, line.length() - 1), current);
      } else if (line.startsWith("  --") && current != null) {
        current.add(new ArrayList<>(List.of(line)));
      } else if (line.startsWith("    ") && current != null && !current.isEmpty()) {
        current.get(current.size() - 1).add(line);
      }
    }
    return sections;
  }

  /**
   * A launcher's options: this pipeline's, then the runner's interface and those it extends
   * (Beam's core PipelineOptions last), each option with the default that applies here.
   */
  static String options(Class<? extends PipelineOptions> runnerOptions, String runner,
      String runnerName, String launcher, List<LauncherValue> values) {
    Map<String, List<List<String>>> runnerSections = sections(runnerOptions);
    Map<String, List<List<String>>> ordered = new LinkedHashMap<>();
    ordered.put(RebalanceOptions.class.getName(),
        sections(RebalanceOptions.class).get(RebalanceOptions.class.getName()));
    ordered.put(runnerOptions.getName(), runnerSections.get(runnerOptions.getName()));
    runnerSections.forEach(ordered::putIfAbsent);
    List<List<String>> core = ordered.remove(PipelineOptions.class.getName());
    ordered.put(PipelineOptions.class.getName(), core);

    StringBuilder out = new StringBuilder();
    for (var section : ordered.entrySet()) {
      String name = simpleName(section.getKey());
      out.append(name).append(title(section.getKey(), runnerOptions, runnerName)).append(":\n");
      for (List<String> option : section.getValue()) {
        out.append(String.join("\n", adjusted(option, runner, launcher, values))).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String title(String name, Class<?> runnerOptions, String runnerName) {
    if (name.equals(RebalanceOptions.class.getName())) {
      return " (this pipeline)";
    }
    if (name.equals(runnerOptions.getName())) {
      return " (the " + runnerName + ")";
    }
    return name.equals(PipelineOptions.class.getName()) ? " (Beam, on every runner)" : "";
  }

  /** One option's lines, with this launcher's default and the value it passes, if any. */
  private static List<String> adjusted(List<String> lines, String runner, String launcher,
      List<LauncherValue> values) {
    List<String> out = new ArrayList<>(lines);
    String option = lines.get(0).strip();
    String name = option.substring(2, option.indexOf('='));
    int after = 1;
    if (out.size() > 1 && out.get(1).startsWith("    Default: ")) {
      computedDefault(name, runner).ifPresent(d -> out.set(1, "    Default: " + d));
      after = 2;
    }
    for (LauncherValue v : values) {
      if (v.option().equals(name)) {
        out.add(after, "    " + launcher + " passes --" + name + "=" + v.value()
            + (v.unlessGiven() ? " unless given" : ""));
      }
    }
    return out;
  }

  /**
   * Our own default factories are computed here, for the runner (Beam would print the factory's
   * class name); Beam's factories depend on the machine or the time, so their name stays.
   */
  private static Optional<String> computedDefault(String name, String runner) {
    for (Method m : RebalanceOptions.class.getDeclaredMethods()) {
      Default.InstanceFactory factory = m.getAnnotation(Default.InstanceFactory.class);
      if (factory != null && m.getName().equalsIgnoreCase("get" + name)
          && factory.value().getName().startsWith("io.rebalancer.")) {
        RebalanceOptions options = PipelineOptionsFactory.fromArgs("--runner=" + runner)
            .as(RebalanceOptions.class);
        try {
          return Optional.of(String.valueOf(m.invoke(options)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot compute the default of --" + name, e);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The interfaces --help=NAME knows: every registered one (this pipeline's included) and every
   * interface they extend, by simple name.
   */
  static Map<String, Class<? extends PipelineOptions>> interfaces() {
    PipelineOptionsFactory.register(RebalanceOptions.class);
    Set<Class<? extends PipelineOptions>> all = new LinkedHashSet<>();
    for (Class<? extends PipelineOptions> c : PipelineOptionsFactory.getRegisteredOptions()) {
      addWithSupertypes(c, all);
    }
    Map<String, Class<? extends PipelineOptions>> byName = new TreeMap<>();
    all.stream().sorted(Comparator.comparing(Class::getName))
        .forEach(c -> byName.putIfAbsent(c.getSimpleName(), c));
    return byName;
  }

  @SuppressWarnings("unchecked")
  private static void addWithSupertypes(Class<?> c, Set<Class<? extends PipelineOptions>> all) {
    if (PipelineOptions.class.isAssignableFrom(c) && all.add((Class<? extends PipelineOptions>) c)) {
      for (Class<?> parent : c.getInterfaces()) {
        addWithSupertypes(parent, all);
      }
    }
  }

  /** NAME as Beam takes it: a full class name, or a known interface's simple name. */
  static Optional<Class<? extends PipelineOptions>> find(String name) {
    Map<String, Class<? extends PipelineOptions>> known = interfaces();
    Class<? extends PipelineOptions> c = known.get(simpleName(name));
    return c != null && (!name.contains(".") || c.getName().equals(name)) ? Optional.of(c)
        : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  static Class<? extends PipelineOptions> load(String className) {
    try {
      return (Class<? extends PipelineOptions>) Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new InputException(className + " is not on the classpath: its runner is not part"
          + " of this build");
    }
  }

  static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
