package io.rebalancer.bench;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes a synthetic book for runners/benchmark.sh, which times the pipeline on it in a separate
 * process: `GenerateBook DIR ACCOUNTS SEED RUN_DATE`. Prints the config file's path.
 */
public final class GenerateBook {
  private GenerateBook() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: GenerateBook DIR ACCOUNTS SEED RUN_DATE");
      System.exit(2);
    }
    Path config = SyntheticBook.write(Path.of(args[0]), Integer.parseInt(args[1]),
        Long.parseLong(args[2]), LocalDate.parse(args[3]));
    System.out.println(config);
  }
}
