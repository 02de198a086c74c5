package io.rebalancer.io;

import io.rebalancer.core.TradeOrder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Shard files of the trade orders and their merge into the one file. A shard holds whole
 * households, sorted; each line carries its sort key in clear before the formatted row, so that a
 * k-way merge yields the SPEC order without holding the orders in memory.
 */
public final class OrderShards {
  private static final int KEY_CELLS = 5;

  private OrderShards() {}

  public static String shardName(int shard, int shards) {
    return String.format("shard-%05d-of-%05d.csv", shard, shards);
  }

  public static String runName(int shard, int shards, int run) {
    return String.format("shard-%05d-of-%05d.run-%05d.csv", shard, shards, run);
  }

  /** Writes sorted orders to a shard, atomically (a retried write replaces a whole file). */
  public static void writeShard(Path file, LocalDate runDate, List<TradeOrder> sorted)
      throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = tempFor(file);
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
          CSVPrinter p = new CSVPrinter(w, StagedCsv.FORMAT)) {
        for (TradeOrder o : sorted) {
          List<String> cells = new ArrayList<>(List.of(o.householdId(), o.brokerageId(),
              o.accountId(), o.side().name(), o.symbol()));
          cells.addAll(TradeOrderCsv.cells(runDate, o));
          p.printRecord(cells);
        }
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp); // gone after the rename; a failed write's partial file
    }
  }

  /** Merges sorted shards into one CSV with one header, written to a temp name then renamed. */
  public static void merge(List<Path> shards, Path target) throws IOException {
    merge(shards, target, false);
  }

  /**
   * A temp name of the attempt's own: should Flink run a task again while an attempt it gave up
   * on still writes (a TaskManager that stopped answering but lives), each rename still moves a
   * whole file into place, never two writers' lines in one.
   */
  private static Path tempFor(Path file) {
    return file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
  }

  /**
   * Merges sorted runs of one shard into the shard file, sort keys kept, and removes the runs: a
   * shard is written as several runs so that no worker holds a whole shard's orders.
   *
   * <p>A retried merge (Flink reruns a failed task, and not always the tasks before it) may find
   * runs that an earlier attempt merged and removed. The runs are removed only once the shard
   * file is in place, whole, so a run that is gone while the shard is there is already in it.
   */
  public static void mergeRuns(List<Path> runs, Path shard) throws IOException {
    boolean merged = Files.isRegularFile(shard) && runs.stream().anyMatch(r -> !Files.exists(r));
    if (!merged) {
      merge(runs, shard, true);
    }
    for (Path run : runs) {
      Files.deleteIfExists(run);
    }
  }

  private static void merge(List<Path> shards, Path target, boolean keepKeys) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path tmp = tempFor(target);
    try {
      mergeInto(shards, tmp, keepKeys);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp); // gone after the rename; a failed merge's partial file
    }
  }

  private static void mergeInto(List<Path> shards, Path tmp, boolean keepKeys)
      throws IOException {
    List<CSVParser> parsers = new ArrayList<>();
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        CSVPrinter out = new CSVPrinter(w, keepKeys ? StagedCsv.FORMAT : TradeOrderCsv.FORMAT)) {
      if (!keepKeys) {
        out.printRecord(TradeOrderCsv.HEADER);
      }
      PriorityQueue<Head> heads = new PriorityQueue<>();
      for (Path shard : shards) {
        Reader r = Files.newBufferedReader(shard, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(r, StagedCsv.FORMAT);
        parsers.add(parser);
        Head.next(parser.iterator(), heads);
      }
      while (!heads.isEmpty()) {
        Head h = heads.poll();
        List<String> cells = h.record.toList();
        out.printRecord(keepKeys ? cells : cells.subList(KEY_CELLS, cells.size()));
        Head.next(h.rest, heads);
      }
    } finally {
      for (CSVParser p : parsers) {
        p.close();
      }
    }
  }

  /** The next unmerged record of one shard; ordered by the SPEC's sort key. */
  private record Head(CSVRecord record, Iterator<CSVRecord> rest) implements Comparable<Head> {
    static void next(Iterator<CSVRecord> it, PriorityQueue<Head> heads) {
      if (it.hasNext()) {
        heads.add(new Head(it.next(), it));
      }
    }

    @Override
    public int compareTo(Head o) {
      for (int i = 0; i < KEY_CELLS; i++) {
        // side is compared as a word, and SELL < BUY is the file order, so reverse it
        int c = i == 3 ? o.record.get(i).compareTo(record.get(i))
            : record.get(i).compareTo(o.record.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
  }
}
