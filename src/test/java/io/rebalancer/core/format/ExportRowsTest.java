package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportRowsTest {
  private static List<ExportRow> split(String text) {
    return ExportRows.split("BROKERAGE_001", "/data/positions.csv", text);
  }

  @Test
  void rowsCarryTheirOneBasedLineNumbers() {
    List<ExportRow> rows = split("a,b\nc,d\ne,f\n");

    assertThat(rows.stream().map(ExportRow::lineNumber).toList(), contains(1L, 2L, 3L));
    assertThat(rows.get(1).cells(), contains("c", "d"));
    assertThat(rows.get(1).raw(), is("c,d"));
  }

  @Test
  void crlfEndsALineOnce() {
    List<ExportRow> rows = split("a,b\r\nc,d\r\ne,f\r\n");

    assertThat(rows.stream().map(ExportRow::lineNumber).toList(), contains(1L, 2L, 3L));
    assertThat(rows.stream().map(ExportRow::raw).toList(), contains("a,b", "c,d", "e,f"));
  }

  @Test
  void byteOrderMarkIsNotPartOfTheFirstCell() {
    List<ExportRow> rows = split("\uFEFFaccount_id,symbol\r\nA1,VTI\r\n");

    assertThat(rows.get(0).cells(), contains("account_id", "symbol"));
    assertThat(rows.get(0).raw(), is("account_id,symbol"));
    assertThat(rows.get(0).lineNumber(), is(1L));
    assertThat(rows.get(1).lineNumber(), is(2L));
  }

  @Test
  void blankLinesAreRowsToo() {
    List<ExportRow> rows = split("a,b\r\n\r\n,,\r\nc,d\r\n");

    assertThat(rows.size(), is(4));
    assertThat(rows.stream().map(ExportRow::lineNumber).toList(), contains(1L, 2L, 3L, 4L));
    assertThat(rows.stream().map(ExportRow::isBlank).toList(), contains(false, true, true, false));
    assertThat(rows.get(1).raw(), is(""));
    assertThat(rows.get(2).raw(), is(",,"));
  }

  @Test
  void quotedFieldOverTwoLinesKeepsItsStartLineAndRawText() {
    List<ExportRow> rows = split("\uFEFFh1,h2\r\n\"Vanguard Total\r\nStock\",VTI\r\nlast,row\r\n");

    assertThat(rows.size(), is(3));
    ExportRow multi = rows.get(1);
    assertThat(multi.lineNumber(), is(2L));
    assertThat(multi.cells(), contains("Vanguard Total\r\nStock", "VTI"));
    assertThat(multi.raw(), is("\"Vanguard Total\r\nStock\",VTI"));
    // the row after it starts on line 4
    assertThat(rows.get(2).lineNumber(), is(4L));
    assertThat(rows.get(2).raw(), is("last,row"));
  }

  @Test
  void lastLineWithoutLineEnd() {
    List<ExportRow> rows = split("a,b\nc,d");

    assertThat(rows.size(), is(2));
    assertThat(rows.get(1).lineNumber(), is(2L));
    assertThat(rows.get(1).raw(), is("c,d"));
  }

  @Test
  void raggedRowsKeepTheirCells() {
    List<ExportRow> rows = split("a,b,c\nTotal,,,,\n");

    assertThat(rows.get(1).cells(), contains("Total", "", "", "", ""));
    assertThat(rows.get(0).cell(7), is(""));
    assertThat(rows.get(0).cell(-1), is(""));
  }

  @Test
  void unterminatedQuoteIsAnInputErrorNamingSourceAndFile() {
    InputException e = assertThrows(InputException.class,
        () -> split("a,b\nc,\"never closed\nd,e\n"));

    assertThat(e.getMessage(), allOf(containsString("BROKERAGE_001"),
        containsString("/data/positions.csv")));
  }
}
