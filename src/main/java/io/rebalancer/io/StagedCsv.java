package io.rebalancer.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * The CSV dialect of staged files, written by the pipeline and read back by the publisher and by
 * DuckDB: no header, `\N` for NULL, quotes where needed.
 */
public final class StagedCsv {
  public static final String NULL = "\\N";
  /** Every value quoted, NULL bare: so a text cell that reads \\N is never taken for NULL. */
  public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setNullString(NULL).setQuoteMode(QuoteMode.ALL_NON_NULL).setRecordSeparator("\n").get();

  private StagedCsv() {}

  public static String line(List<String> cells) {
    return FORMAT.format(cells.toArray());
  }

  /** Every record of the given files, NULL cells as null. */
  public static List<List<String>> read(List<Path> files) {
    List<List<String>> rows = new ArrayList<>();
    for (Path f : files) {
      try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8);
          CSVParser parser = CSVParser.parse(in, FORMAT)) {
        for (CSVRecord r : parser) {
          rows.add(r.toList());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read staged file " + f, e);
      }
    }
    return rows;
  }
}
