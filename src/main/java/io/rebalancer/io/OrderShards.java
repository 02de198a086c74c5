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
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
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
  }

  /** Merges sorted shards into one CSV with one header, written to a temp name then renamed. */
  public static void merge(List<Path> shards, Path target) throws IOException {
    merge(shards, target, false);
  }

  /**
   * Merges sorted runs of one shard into the shard file, sort keys kept, and removes the runs: a
   * shard is written as several runs so that no worker holds a whole shard's orders.
   */
  public static void mergeRuns(List<Path> runs, Path shard) throws IOException {
    merge(runs, shard, true);
    for (Path run : runs) {
      Files.deleteIfExists(run);
    }
  }

  private static void merge(List<Path> shards, Path target, boolean keepKeys) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
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
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
