package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedCsvTest {
  @TempDir Path dir;

  /** Writes rows with StagedCsv.line, one per line, and reads them back. */
  private List<List<String>> roundTrip(List<List<String>> rows) throws IOException {
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      text.append(StagedCsv.line(row)).append('\n');
    }
    Path file = Files.writeString(dir.resolve("t-part-0.csv"), text, StandardCharsets.UTF_8);
    return StagedCsv.read(List.of(file));
  }

  @Test
  void nullIsWrittenAsBackslashN() {
    assertThat(StagedCsv.line(Arrays.asList("a", null, "b")), is("\"a\",\\N,\"b\""));
  }

  @Test
  void nullAndEmptyTextRoundTripApart() throws IOException {
    List<List<String>> back = roundTrip(List.of(Arrays.asList("a", null, "", "b")));

    assertThat(back.size(), is(1));
    assertThat(back.get(0), contains(is("a"), nullValue(), is(""), is("b")));
  }

  @Test
  void quotedNewlineAndCommaRoundTrip() throws IOException {
    List<List<String>> back = roundTrip(List.of(
        List.of("raw \"line\"", "two\nlines", "a,b", "crlf\r\nend"),
        List.of("next", "row", "x", "y")));

    assertThat(back, contains(
        List.of("raw \"line\"", "two\nlines", "a,b", "crlf\r\nend"),
        List.of("next", "row", "x", "y")));
  }

  @Test
  void readConcatenatesFilesInTheGivenOrder() throws IOException {
    Path a = Files.writeString(dir.resolve("a.csv"), "1,x\n2,y\n");
    Path b = Files.writeString(dir.resolve("b.csv"), "3,\\N\n");

    assertThat(StagedCsv.read(List.of(b, a)), contains(
        Arrays.asList("3", null), List.of("1", "x"), List.of("2", "y")));
  }

  @Test
  void unicodeRoundTrips() throws IOException {
    assertThat(roundTrip(List.of(List.of("Société Générale", "€ 1.234,56"))),
        contains(List.of("Société Générale", "€ 1.234,56")));
  }

  @Test
  void textThatLooksLikeTheNullMarkerRoundTrips() throws IOException {
    assertThat(roundTrip(List.of(List.of("\\N"))), contains(List.of("\\N")));
  }
}
