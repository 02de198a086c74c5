package io.rebalancer.io;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a run writes everything before it publishes: a hidden folder per run inside the output
 * folder (so that publishing is a rename on one file system), removed when the run ends.
 */
public record StagingArea(String root) implements Serializable {

  public static StagingArea create(Path outputDir, String runId) {
    try {
      Path dir = outputDir.toAbsolutePath().resolve(PREFIX + runId);
      Files.createDirectories(dir);
      return new StagingArea(dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a staging folder in " + outputDir, e);
    }
  }

  static final String PREFIX = ".staging-";

  /** The staging area a run with this id has (or had) in an output folder. */
  public static StagingArea of(Path outputDir, String runId) {
    return new StagingArea(outputDir.toAbsolutePath().resolve(PREFIX + runId).toString());
  }

  /** The ids of the runs staged in an output folder, sorted. */
  public static List<String> stagedRuns(Path outputDir) {
    List<String> ids = new ArrayList<>();
    if (!Files.isDirectory(outputDir)) {
      return ids;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(outputDir, PREFIX + "*")) {
      ds.forEach(d -> ids.add(d.getFileName().toString().substring(PREFIX.length())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + outputDir, e);
    }
    ids.sort(null);
    return ids;
  }

  public Path path() {
    return Path.of(root);
  }

  /**
   * Written by the pipeline's last step once the trade orders and every warehouse row are
   * staged: a staging area without it belongs to a job that has not finished, or failed.
   */
  public Path completionMarker() {
    return path().resolve("_COMPLETE");
  }

  public boolean isComplete() {
    return Files.isRegularFile(completionMarker());
  }

  public Path orderShards() {
    return path().resolve("orders");
  }

  /** Sorted runs of the order shards, merged into the shards and removed as they are. */
  public Path orderRuns() {
    return path().resolve("order-runs");
  }

  public Path tables() {
    return path().resolve("tables");
  }

  public static String ordersFileName(LocalDate runDate) {
    return "trade_orders_" + runDate.format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
  }

  public Path mergedOrders(LocalDate runDate) {
    return path().resolve(ordersFileName(runDate));
  }

  /** The staged files of one table, sorted. */
  public List<Path> tableFiles(String table) {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(tables())) {
      return files;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(tables(), table + "-part-*.csv")) {
      ds.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(Comparator.naturalOrder());
    return files;
  }

  /**
   * Removes every staged table file but these (a job's last attempt wrote them; an earlier,
   * failed attempt may have left others under names the last did not write).
   */
  public void keepOnlyTableFiles(Collection<Path> written) {
    Set<Path> keep = new HashSet<>();
    written.forEach(f -> keep.add(f.getFileName()));
    if (!Files.isDirectory(tables())) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(tables(), "*-part-*.csv")) {
      for (Path f : ds) {
        if (!keep.contains(f.getFileName())) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove an earlier attempt's files in " + tables(), e);
    }
  }

  /** Publishes a staged file whole or not at all: one atomic rename on the same file system. */
  public static void publish(Path staged, Path target) throws IOException {
    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Removes the staging folder. A job that failed may still have workers finishing a write for a
   * moment (the Direct runner reports the first failure before its other threads stop), so a
   * file that appears or vanishes while the folder is walked is retried, not reported.
   */
  public void delete() {
    for (int attempt = 1; ; attempt++) {
      try {
        deleteOnce();
        return;
      } catch (UncheckedIOException e) {
        if (attempt == DELETE_ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(DELETE_RETRY_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static final int DELETE_ATTEMPTS = 20;
  private static final long DELETE_RETRY_MILLIS = 100;

  private void deleteOnce() {
    if (!Files.exists(path())) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path())) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot remove staging folder " + root,
          e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
    }
  }
}
