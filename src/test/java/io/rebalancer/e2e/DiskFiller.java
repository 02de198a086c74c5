package io.rebalancer.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Fills a file system at a chosen moment of a run: when the run's staging area gets a file (or
 * folder) of a name, it stops the run's JVM (SIGSTOP), writes a ballast file until the file
 * system refuses a byte more, and lets the JVM go on (SIGCONT). Stopping the JVM makes the
 * moment exact: the step that created the file has written at most a buffer when the disk
 * fills, so its next write is the one refused, however fast the machine.
 */
final class DiskFiller implements AutoCloseable {
  private final Path output;
  private final Trigger trigger;
  private final Path ballast;
  /** Bytes left free once the disk is full. */
  private final long room;
  private final Thread watcher;
  private volatile boolean stop;
  private volatile boolean filled;
  private volatile Throwable problem;

  /** The moment to fill at, seen in the output folder. */
  interface Trigger {
    boolean reached(Path output) throws IOException;

    /** The run's staging area has a file or folder of this name. */
    static Trigger staged(String name) {
      return output -> {
        for (Path staging : FullDiskIT.stagingAreas(output)) {
          if (Files.exists(staging.resolve(name))) {
            return true;
          }
        }
        return false;
      };
    }

    /** The run's staging area has a temporary file of this name's (NAME.ID.tmp). */
    static Trigger stagedTemporary(String name) {
      return output -> {
        for (Path staging : FullDiskIT.stagingAreas(output)) {
          try (Stream<Path> files = Files.list(staging)) {
            if (files.map(f -> f.getFileName().toString())
                .anyMatch(f -> f.startsWith(name + ".") && f.endsWith(".tmp"))) {
              return true;
            }
          } catch (java.nio.file.NoSuchFileException gone) {
            // the run removed it meanwhile
          }
        }
        return false;
      };
    }

    /**
     * The log file of the run about to start (one that is not there yet) has a line with this
     * text: Logback writes each line through as it is logged.
     */
    static Trigger logged(Path output, String text) throws IOException {
      Path logs = output.resolve("logs");
      Set<Path> earlier = logFiles(logs);
      return out -> {
        for (Path log : logFiles(logs)) {
          if (!earlier.contains(log) && Files.readString(log).contains(text)) {
            return true;
          }
        }
        return false;
      };
    }

    private static Set<Path> logFiles(Path logs) throws IOException {
      if (!Files.isDirectory(logs)) {
        return Set.of();
      }
      try (Stream<Path> files = Files.list(logs)) {
        return files.collect(Collectors.toSet());
      }
    }
  }

  private DiskFiller(Path output, Trigger trigger, Path ballast, long room) {
    this.output = output;
    this.trigger = trigger;
    this.ballast = ballast;
    this.room = room;
    this.watcher = new Thread(this::watch, "disk-filler");
    watcher.setDaemon(true);
  }

  /** Starts watching output's staging areas for trigger. */
  static DiskFiller when(Path output, Trigger trigger, Path ballast, long room) {
    DiskFiller f = new DiskFiller(output, trigger, ballast, room);
    f.watcher.start();
    return f;
  }

  /** Whether the disk was filled while the trigger's step ran. */
  boolean filled() throws InterruptedException {
    stop = true;
    watcher.join();
    if (problem != null) {
      throw new AssertionError("could not fill the disk", problem);
    }
    return filled;
  }

  private void watch() {
    try {
      while (!stop) {
        if (trigger.reached(output)) {
          fillWhileStopped();
          return;
        }
        Thread.sleep(1);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      problem = e;
    }
  }

  private void fillWhileStopped() throws IOException, InterruptedException {
    long jvm = runJvm().orElseThrow(() -> new IllegalStateException(
        "no running java process with --outputDir=" + output));
    signal("STOP", jvm);
    try {
      fill();
      filled = true;
    } finally {
      signal("CONT", jvm);
    }
  }

  /** The launcher execs java, which keeps its --outputDir argument (read from /proc). */
  private Optional<Long> runJvm() throws IOException {
    String arg = "--outputDir=" + output;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        String cmdline;
        try {
          cmdline = Files.readString(proc.resolve("cmdline"));
        } catch (IOException gone) {
          continue;
        }
        List<String> args = List.of(cmdline.split("\0"));
        if (!args.isEmpty() && args.get(0).endsWith("java") && args.contains(arg)) {
          return Optional.of(Long.parseLong(proc.getFileName().toString()));
        }
      }
    }
    return Optional.empty();
  }

  /** Big writes, then smaller ones, until not one more page fits; then gives room back. */
  private void fill() throws IOException {
    fillUp();
    if (room > 0) {
      try (FileChannel c = FileChannel.open(ballast, StandardOpenOption.WRITE)) {
        c.truncate(Math.max(0, c.size() - room));
      }
    }
  }

  private void fillUp() throws IOException {
    for (int size : new int[] {1 << 20, 1 << 12, 1}) {
      byte[] zeros = new byte[size];
      try (OutputStream out = Files.newOutputStream(ballast, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND)) {
        while (true) {
          out.write(zeros);
        }
      } catch (IOException full) {
        if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
          throw full;
        }
      }
    }
  }

  private static void signal(String name, long pid) throws IOException, InterruptedException {
    FullDiskIT.command("kill", "-" + name, Long.toString(pid));
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    watcher.join();
  }
}
