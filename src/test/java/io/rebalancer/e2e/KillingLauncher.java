package io.rebalancer.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs runners/direct.sh as {@link Launcher} does, and SIGKILLs it when its trigger fires: the
 * launcher's process is the JVM (direct.sh execs java), and anything it started goes with it.
 * What the run printed and the files it left are recorded at the kill.
 */
final class KillingLauncher {
  private static final Pattern STARTED = Pattern.compile("run (\\S+) started");

  /** A progress line, with when it came (milliseconds since the launch). */
  record Line(long millis, String text) {}

  /**
   * What a run did: killed is true only when the kill found it still running (it then exits
   * 137); filesAtKill is the output folder's files (relative, '/', logs/ left out) just after.
   */
  record Outcome(boolean killed, int exitCode, List<Line> lines, List<String> stderr,
      List<String> filesAtKill, String stoppedIn, String killedCommand, long millis) {
    /** The run's id, from its first line (null when it died before printing it). */
    String runId() {
      for (Line l : lines) {
        Matcher m = STARTED.matcher(l.text());
        if (m.find()) {
          return m.group(1);
        }
      }
      return null;
    }

    long millisOf(String phrase) {
      return lines.stream().filter(l -> l.text().contains(phrase)).mapToLong(Line::millis)
          .findFirst().orElseThrow(() -> new AssertionError("no line \"" + phrase + "\" in "
              + lines));
    }

    String stdout() {
      return String.join("\n", lines.stream().map(Line::text).toList());
    }
  }

  private final Path project;
  private final Path logs;

  KillingLauncher(Path project, Path logs) {
    this.project = project;
    this.logs = logs;
  }

  Outcome run(KillPoint.Trigger trigger, Path output, String name, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "runners/direct.sh"));
    command.addAll(args);
    Path err = logs.resolve(name + ".stderr");
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Breakpoint breakpoint = trigger instanceof KillPoint.AtBreakpoint b
        ? Breakpoint.listen(b) : null;
    // A killed JVM never deletes the DuckDB library it unpacked into java.io.tmpdir (57 MB per
    // run): under the test's folder, the test's cleanup does.
    Path tmp = Files.createDirectories(logs.resolve("tmp"));
    String tmpdir = "-Djava.io.tmpdir=" + tmp;
    builder.environment().put("JAVA_OPTS", breakpoint != null
        ? breakpoint.javaOption() + " " + tmpdir : tmpdir);
    long start = System.nanoTime();
    Process process = builder.start();
    Kill kill = new Kill(process, output);
    List<Line> lines = new ArrayList<>();
    Thread reader = daemon(() -> read(process, trigger, kill, lines, start, name));
    List<Thread> watchers = new ArrayList<>();
    if (trigger instanceof KillPoint.AfterLaunch a) {
      watchers.add(daemon(() -> {
        sleep(a.delay().toMillis());
        kill.now(null);
      }));
    } else if (trigger instanceof KillPoint.OnFile f) {
      watchers.add(daemon(() -> {
        while (process.isAlive() && !kill.done()) {
          if (files(output).stream().anyMatch(f.matches())) {
            kill.now(null);
          }
          sleep(1);
        }
      }));
    } else if (breakpoint != null) {
      watchers.add(daemon(() -> breakpoint.run(kill::now)));
    }
    if (!process.waitFor(Launcher.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      kill.now("the time limit");
      process.waitFor(30, TimeUnit.SECONDS);
      fail(String.join(" ", command) + " did not finish within " + Launcher.TIMEOUT);
    }
    if (breakpoint != null) {
      breakpoint.stopListening();
    }
    reader.join(TimeUnit.SECONDS.toMillis(30));
    for (Thread w : watchers) {
      w.join(TimeUnit.SECONDS.toMillis(30));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<String> stderr = Files.readAllLines(err, StandardCharsets.UTF_8);
    synchronized (lines) {
      return new Outcome(kill.done() && process.exitValue() == 137, process.exitValue(),
          List.copyOf(lines), stderr, kill.left(), kill.stoppedIn(), kill.command(), millis);
    }
  }

  /** Reads stdout to its end (so the run never blocks on it), timing each line. */
  private void read(Process process, KillPoint.Trigger trigger, Kill kill, List<Line> lines,
      long start, String name) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
        PrintWriter copy = new PrintWriter(Files.newBufferedWriter(
            logs.resolve(name + ".stdout"), StandardCharsets.UTF_8))) {
      String text;
      while ((text = r.readLine()) != null) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        synchronized (lines) {
          lines.add(new Line(millis, text));
        }
        copy.println(text);
        if (trigger instanceof KillPoint.AfterLine a && text.contains(a.phrase())) {
          if (a.delay().isZero()) {
            kill.now(null);
          } else {
            daemon(() -> {
              sleep(a.delay().toMillis());
              kill.now(null);
            });
          }
        }
      }
    } catch (IOException e) {
      // a killed process's pipe may close under the reader: what it printed is what was read
    }
  }

  /** The one SIGKILL of a run, and the files the run left at it. */
  private static final class Kill {
    private final Process process;
    private final Path output;
    private boolean done;
    private List<String> files = List.of();
    private String stoppedIn;
    private String command;

    Kill(Process process, Path output) {
      this.process = process;
      this.output = output;
    }

    synchronized void now(String where) {
      if (done || !process.isAlive()) {
        return;
      }
      done = true;
      stoppedIn = where;
      command = process.info().command().orElse("?");
      List<ProcessHandle> children = process.descendants().toList();
      process.destroyForcibly(); // SIGKILL, to the JVM that direct.sh exec'd into
      children.forEach(ProcessHandle::destroyForcibly);
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      files = KillingLauncher.files(output);
    }

    synchronized boolean done() {
      return done;
    }

    synchronized List<String> left() {
      return files;
    }

    /** The program the killed process ran: java, once direct.sh has exec'd it. */
    synchronized String command() {
      return command;
    }

    synchronized String stoppedIn() {
      return stoppedIn;
    }
  }

  /** The output folder's files and folders, relative with '/', logs/ left out; sorted. */
  static List<String> files(Path output) {
    if (!Files.isDirectory(output)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(output)) {
      TreeSet<String> names = new TreeSet<>();
      walk.filter(p -> !p.equals(output)).forEach(p -> {
        String rel = output.relativize(p).toString().replace(File.separatorChar, '/');
        if (!rel.equals("logs") && !rel.startsWith("logs/")) {
          names.add(rel);
        }
      });
      return List.copyOf(names);
    } catch (IOException | UncheckedIOException e) {
      return files(output); // a file went while the folder was walked: walk it again
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "kill-harness");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
