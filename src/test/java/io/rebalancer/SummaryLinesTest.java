package io.rebalancer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.rebalancer.io.Publisher.StagedSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The run summary's realised-gains line: printed only when a sell took a lot of known basis. */
class SummaryLinesTest {
  private static String printed(StagedSummary s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new SummaryLines(new PrintStream(bytes, true, StandardCharsets.UTF_8)).realizedGains(s);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static StagedSummary summary(String shortTerm, String longTerm, String unknownTerm,
      long wash, long known) {
    return new StagedSummary(1, 2, 1, 0, 3, 1, 0, "100", "50", "1000", shortTerm, longTerm,
        unknownTerm, wash, known);
  }

  @Test
  void aRunWithoutLotsOfKnownBasisPrintsNoGains() {
    assertThat(printed(summary("0.0000000000", "0.0000000000", "0.0000000000", 0, 0)), is(""));
  }

  @Test
  void theGainsAreRoundedToCentsAsTheOtherAmounts() {
    assertThat(printed(summary("-200.0000000000", "1234.5650000000", "0.0000000000", 1, 4)),
        is("  estimated realised gains in taxable accounts: -200.00 short-term, 1234.56"
            + " long-term, 0.00 of unknown term (4 lots of known basis sold, 1 taxable lot at"
            + " risk of a wash sale; table realized_gains)" + System.lineSeparator()));
    assertThat(printed(summary("0.0000000000", "0.0000000000", "5.0000000000", 0, 1)),
        is("  estimated realised gains in taxable accounts: 0.00 short-term, 0.00 long-term,"
            + " 5.00 of unknown term (1 lot of known basis sold, 0 taxable lots at risk of a"
            + " wash sale; table realized_gains)" + System.lineSeparator()));
  }
}
