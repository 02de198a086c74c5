package io.rebalancer.core.format;

import io.rebalancer.core.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits an export's text into CSV records, keeping each one's starting line and raw text (for dead
 * letters). Blank lines are records too, so that every line of the file gets a verdict.
 */
public final class ExportRows {
  private static final CSVFormat LENIENT = CSVFormat.DEFAULT.builder()
      .setIgnoreEmptyLines(false)
      .setAllowMissingColumnNames(true)
      .get();

  private ExportRows() {}

  public static List<ExportRow> split(String sourceId, String uri, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<ExportRow> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(body, LENIENT)) {
      List<CSVRecord> records = new ArrayList<>();
      try {
        parser.forEach(records::add);
      } catch (UncheckedIOException e) {
        throw new InputException(String.format("source %s: %s: cannot be read as CSV after line %d: %s",
            sourceId, uri, parser.getCurrentLineNumber(), e.getCause().getMessage()), e);
      }
      LineCounter lines = new LineCounter(body);
      for (int i = 0; i < records.size(); i++) {
        CSVRecord r = records.get(i);
        int start = (int) r.getCharacterPosition();
        int end = i + 1 < records.size() ? (int) records.get(i + 1).getCharacterPosition() : body.length();
        rows.add(new ExportRow(lines.lineAt(start), r.toList(), stripLineEnd(body.substring(start, end))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static String stripLineEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Maps character offsets to 1-based line numbers; offsets are asked for in increasing order. */
  private static final class LineCounter {
    private final String text;
    private int offset;
    private long line = 1;

    LineCounter(String text) {
      this.text = text;
    }

    long lineAt(int target) {
      for (; offset < target; offset++) {
        char c = text.charAt(offset);
        if (c == '\n' || (c == '\r' && (offset + 1 >= text.length() || text.charAt(offset + 1) != '\n'))) {
          line++;
        }
      }
      return line;
    }
  }
}
