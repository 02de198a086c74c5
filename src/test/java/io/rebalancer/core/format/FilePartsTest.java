package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A canonical file cut into parts: the parts cover it, start on lines, and know their line. */
class FilePartsTest {
  private static final SourceFile FILE = new SourceFile("B1", "/in/positions.csv", null);

  @TempDir Path dir;

  private List<FilePart> split(String text, long partBytes) throws IOException {
    Path f = dir.resolve("positions.csv");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return FileParts.split(FILE, f, "UTF-8", () -> new StringReader(text), partBytes);
  }

  /** Each part's rows as read on their own, with the line numbers the part starts from. */
  private static List<ExportRow> rowsOf(String text, List<FilePart> parts) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<ExportRow> rows = new ArrayList<>();
    for (FilePart p : parts) {
      int end = p.end() < 0 ? bytes.length : (int) p.end();
      Reader r = new StringReader(new String(bytes, (int) p.start(), end - (int) p.start(),
          StandardCharsets.UTF_8));
      try (ExportRows part = ExportRows.read("B1", FILE.uri(), r, p.firstLine())) {
        part.forEachRemaining(rows::add);
      }
    }
    return rows;
  }

  @Test
  void aSmallFileIsOnePart() throws IOException {
    assertThat(split("account_id,symbol\nA1,VTI\n", 1 << 20), contains(FilePart.whole(FILE)));
  }

  @Test
  void partsCoverTheFileAndEveryRowKeepsItsLine() throws IOException {
    StringBuilder text = new StringBuilder("\r\naccount_id,symbol,quantity,price,asset_class\r\n");
    for (int i = 0; i < 200; i++) {
      text.append("A").append(i).append(",VTI,").append(i).append(",1,X").append(i % 7 == 0
          ? "\r" : i % 3 == 0 ? "\n" : "\r\n"); // LF, CRLF and lone CR line ends
    }
    String s = text.toString();
    List<FilePart> parts = split(s, 100);

    assertThat(parts.size(), greaterThan(10));
    assertThat(parts.get(0).start(), is(0L));
    assertThat(parts.get(0).header(), is(nullValue()));
    assertThat(parts.get(parts.size() - 1).end(), is(-1L));
    for (int i = 1; i < parts.size(); i++) {
      assertThat(parts.get(i).start(), is(parts.get(i - 1).end()));
      assertThat(parts.get(i).header().cells().get(0), is("account_id"));
      assertThat(parts.get(i).header().lineNumber(), is(2L));
    }
    List<ExportRow> whole = ExportRows.split("B1", FILE.uri(), s);
    assertThat(rowsOf(s, parts), is(whole));
  }

  @Test
  void theHeaderStaysInTheFirstPart() throws IOException {
    String s = "account_id,symbol,quantity,price,asset_class\nA1,VTI,1,1,X\nA2,VTI,1,1,X\n";
    List<FilePart> parts = split(s, 10);

    assertThat(parts.get(0).end(), greaterThan(45L));
    assertThat(rowsOf(s, parts), is(ExportRows.split("B1", FILE.uri(), s)));
  }
}
