package io.rebalancer.bench;

import io.rebalancer.RunCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the whole pipeline on a synthetic book: `runners/benchmark.sh ACCOUNTS [options]`.
 * A benchmark, not a test: it reports figures and asserts nothing.
 */
public final class VolumeBenchmark {
  private VolumeBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> options = new ArrayList<>(List.of(args));
    int accounts = !options.isEmpty() && options.get(0).matches("\\d+")
        ? Integer.parseInt(options.remove(0)) : 10_000;
    LocalDate runDate = LocalDate.of(2026, 11, 20);
    Path dir = Files.createTempDirectory("rebalance-bench");
    long t0 = System.nanoTime();
    Path config = SyntheticBook.write(dir.resolve("book"), accounts, 42, runDate);
    long t1 = System.nanoTime();
    System.out.printf("generated %d accounts in %.1f s (%s)%n", accounts, (t1 - t0) / 1e9, dir);
    options.addAll(0, List.of("--config=" + config, "--runDate=" + runDate,
        "--outputDir=" + dir.resolve("out")));
    int code = new RunCommand(System.out, System.err).run(options.toArray(String[]::new));
    long t2 = System.nanoTime();
    System.out.printf("pipeline: exit %d, %.1f s for %d accounts (%.0f accounts/s)%n", code,
        (t2 - t1) / 1e9, accounts, accounts / ((t2 - t1) / 1e9));
    System.exit(code);
  }
}
