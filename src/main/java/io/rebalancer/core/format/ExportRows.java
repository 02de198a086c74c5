package io.rebalancer.core.format;

import io.rebalancer.core.InputException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an export's text as CSV records, streamed, keeping each one's starting line and raw text
 * (for dead letters). Blank lines are records too, so that every line of the file gets a verdict.
 */
public final class ExportRows implements Iterator<ExportRow>, AutoCloseable {
  private static final CSVFormat LENIENT = CSVFormat.DEFAULT.builder()
      .setIgnoreEmptyLines(false)
      .setAllowMissingColumnNames(true)
      .get();

  private final String sourceId;
  private final String uri;
  private final RawText raw;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private CSVRecord pending;
  private long line;
  private long count;

  private ExportRows(String sourceId, String uri, Reader in, long firstLine) {
    this.sourceId = sourceId;
    this.uri = uri;
    this.raw = new RawText(in);
    this.line = firstLine;
    try {
      this.parser = CSVParser.parse(raw, LENIENT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.records = parser.iterator();
    this.pending = advance(firstLine);
  }

  /**
   * The rows of text that starts on line firstLine (1 for a whole file), read as they are asked
   * for; close it to close the reader.
   */
  public static ExportRows read(String sourceId, String uri, Reader in, long firstLine) {
    return new ExportRows(sourceId, uri, in, firstLine);
  }

  /** Every row of a text in memory (a BOM at its start is skipped). */
  public static List<ExportRow> split(String sourceId, String uri, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<ExportRow> rows = new ArrayList<>();
    try (ExportRows r = read(sourceId, uri, new StringReader(body), 1)) {
      r.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** How many rows have been read so far. */
  public long count() {
    return count;
  }

  @Override
  public boolean hasNext() {
    return pending != null;
  }

  @Override
  public ExportRow next() {
    if (pending == null) {
      throw new NoSuchElementException();
    }
    CSVRecord current = pending;
    pending = advance(line + lineBreaks(current));
    long end = pending != null ? pending.getCharacterPosition() : raw.position();
    String text = raw.take(current.getCharacterPosition(), end);
    ExportRow row = new ExportRow(line, current.toList(), stripLineEnd(text));
    line += lineBreaks(text);
    count++;
    return row;
  }

  /** The next record, which starts on line startLine (the parser's own count is of its part). */
  private CSVRecord advance(long startLine) {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      String cause = String.valueOf(e.getCause().getMessage())
          .replaceAll("^\\(startline \\d+\\)\\s*", "")
          .replaceAll("\\s*at line: \\d+, position: \\d+", "");
      throw new InputException(String.format("source %s: %s: line %d: cannot be read as CSV (%s):"
          + " is a quote never closed (a cut download), or is the file not comma-separated?",
          sourceId, uri, startLine, cause), e);
    }
  }

  /** The line breaks a record spans: those inside its quoted cells, and the one that ends it. */
  private static long lineBreaks(CSVRecord record) {
    long n = 1;
    for (String cell : record) {
      n += lineBreaks(cell);
    }
    return n;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String stripLineEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Line breaks in a record's text: LF, CRLF once, or a lone CR. */
  private static long lineBreaks(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    return n;
  }

  /**
   * A reader that keeps what it has handed the parser since the oldest record not yet taken, so
   * each record's text can be cut out as it was in the file; what is taken is forgotten.
   */
  private static final class RawText extends Reader {
    private final Reader in;
    private char[] kept = new char[1 << 16];
    private int start; // kept[start, end) is the text not yet taken
    private int end;
    private long base; // file position of kept[start]

    RawText(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int n = in.read(cbuf, off, len);
      if (n > 0) {
        makeRoom(n);
        System.arraycopy(cbuf, off, kept, end, n);
        end += n;
      }
      return n;
    }

    /** Moves the untaken text to the front only when the array is full, so each char moves rarely. */
    private void makeRoom(int n) {
      if (end + n <= kept.length) {
        return;
      }
      int live = end - start;
      char[] into = live + n <= kept.length / 2 ? kept : new char[Math.max(kept.length * 2, 2 * (live + n))];
      System.arraycopy(kept, start, into, 0, live);
      kept = into;
      start = 0;
      end = live;
    }

    long position() {
      return base + (end - start);
    }

    /** The text from one position to another; everything before the second is forgotten. */
    String take(long from, long to) {
      String s = new String(kept, start + (int) (from - base), (int) (to - from));
      start += (int) (to - base);
      base = to;
      return s;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
