package io.rebalancer.core.trust;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.rebalancer.core.format.AsOf;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ExportAgeTest {
  private static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  private static InputProblem judge(LocalDate dated) {
    return ExportAge.problem("B1", "/in/positions.csv",
        new AsOf(dated, LocalTime.of(19, 28), "as of 07:28 PM ET, " + dated, 1), RUN, 3);
  }

  @Test
  void aFileOfTheRunDateOrUpToTheLimitBeforeItIsCurrent() {
    assertThat(judge(RUN), is(nullValue()));
    assertThat(judge(RUN.minusDays(3)), is(nullValue()));
  }

  @Test
  void aFileThatStatesNoDateIsAccepted() {
    assertThat(ExportAge.problem("B1", "/in/x.csv", null, RUN, 3), is(nullValue()));
  }

  @Test
  void aFileOlderThanTheLimitFailsNamingTheFileItsDateAndTheKey() {
    InputProblem p = judge(RUN.minusDays(10));
    assertThat(p.kind(), is(InputProblem.Kind.EXPORT_DATE));
    assertThat(p.message(), allOf(containsString("source B1"),
        containsString("/in/positions.csv"), containsString("2026-11-10"),
        containsString("10 days before the run date 2026-11-20"),
        containsString("validation.maxExportAgeDays is 3")));
    assertThat(judge(RUN.minusDays(4)).message(), containsString("4 days before"));
  }

  @Test
  void aFileDatedAfterTheRunDateFails() {
    InputProblem p = judge(RUN.plusDays(1));
    assertThat(p.message(), allOf(containsString("2026-11-21"),
        containsString("after the run date 2026-11-20")));
  }

  @Test
  void aLimitOfZeroDaysTakesOnlyTheRunDate() {
    AsOf yesterday = new AsOf(RUN.minusDays(1), null, "Date downloaded 11/19/2026", 12);
    assertThat(ExportAge.problem("B1", "f", yesterday, RUN, 0).message(),
        containsString("line 12: \"Date downloaded 11/19/2026\""));
  }
}
