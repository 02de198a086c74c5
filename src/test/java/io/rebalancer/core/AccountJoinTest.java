package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.trust.InputProblem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountJoinTest {
  private static final AccountKey KEY = new AccountKey("B2", "Z123");
  private static final AccountInfo LISTED =
      new AccountInfo(KEY, "SMITH", "balanced", BigDecimal.ZERO);

  private static Holding in(String source, String file) {
    return new Holding("B2", "Z123", "VTI", BigDecimal.ONE, BigDecimal.TEN, "EQUITY", false,
        source, file, 2);
  }

  @Test
  void aListedAccountGoesOnWithItsHouseholdAndHoldings() {
    AccountJoin j = AccountJoin.of(KEY, List.of(LISTED), List.of(in("B2", "/a.csv"),
        in("B2", "/a.csv")), "accounts.csv");
    assertThat(j.account().info(), is(LISTED));
    assertThat(j.account().holdings().size(), is(2));
  }

  @Test
  void withoutAnAccountsFileEveryAccountIsInTheDefaultHousehold() {
    AccountJoin j = AccountJoin.of(KEY, List.of(), List.of(in("B2", "/a.csv")), null);
    assertThat(j.account().info().householdId(), is(AccountInfo.DEFAULT_HOUSEHOLD));
  }

  @Test
  void anAccountTheFileDoesNotListIsUnknownAndAListedOneWithoutHoldingsIsIdle() {
    assertThat(AccountJoin.of(KEY, List.of(), List.of(in("B2", "/a.csv")), "accounts.csv")
        .unknown(), is(true));
    AccountJoin idle = AccountJoin.of(KEY, List.of(LISTED), List.of(), "accounts.csv");
    assertThat(idle.account(), is(nullValue()));
    assertThat(idle.unknown(), is(false));
    assertThat(idle.problem(), is(nullValue()));
  }

  @Test
  void anAccountInTwoFilesIsAProblemNamingBothInNameOrder() {
    AccountJoin j = AccountJoin.of(KEY, List.of(LISTED), List.of(in("B2", "/Nov-20.csv"),
        in("B2", "/Nov-19.csv"), in("B2", "/Nov-20.csv")), "accounts.csv");
    assertThat(j.account(), is(nullValue()));
    assertThat(j.problem().kind(), is(InputProblem.Kind.ACCOUNT_IN_TWO_FILES));
    assertThat(j.problem().message(), allOf(containsString("account Z123 of brokerage B2"),
        containsString("two files of source B2: /Nov-19.csv and /Nov-20.csv"),
        containsString("never summed")));
  }

  @Test
  void twoSourcesOfOneBrokerageAreNamedToo() {
    AccountJoin j = AccountJoin.of(KEY, List.of(), List.of(in("B2a", "/x/a.csv"),
        in("B2b", "/y/b.csv"), in("B2b", "/y/c.csv")), null);
    assertThat(j.problem(), is(notNullValue()));
    assertThat(j.problem().message(), containsString("3 files of sources B2a and B2b:"
        + " /x/a.csv and /y/b.csv"));
  }

  @Test
  void anAccountListedTwiceIsAnError() {
    InputException e = assertThrows(InputException.class, () -> AccountJoin.of(KEY,
        List.of(LISTED, LISTED), List.of(in("B2", "/a.csv")), "accounts.csv"));
    assertThat(e.getMessage(), containsString("accounts.csv: account " + KEY + " is listed twice"));
  }

  private static Lot lot(String quantity, String file, long line) {
    return new Lot("B2", "Z123", "VTI", "l" + line, null, new BigDecimal(quantity),
        BigDecimal.TEN, file, line);
  }

  @Test
  void aListedAccountGoesOnWithItsKnownLots() {
    AccountJoin j = AccountJoin.of(KEY, List.of(LISTED), List.of(in("B2", "/a.csv")),
        List.of(lot("1", "/lots.csv", 2)), List.of(lot("1", "/a.csv", 2)), "accounts.csv");
    assertThat(j.problems(), is(List.of()));
    assertThat(j.account().lots(), is(List.of(lot("1", "/lots.csv", 2)))); // lots.csv wins
  }

  @Test
  void lotsOfAnAccountNoExportHoldsExceedItsHoldingOfNone() {
    AccountJoin j = AccountJoin.of(KEY, List.of(LISTED), List.of(),
        List.of(lot("1", "/lots.csv", 2)), List.of(), "accounts.csv");
    assertThat(j.account(), is(nullValue()));
    assertThat(j.problem().kind(), is(InputProblem.Kind.LOTS_EXCEED_HOLDING));
    assertThat(j.problem().message(), containsString("it holds none today"));
  }

  @Test
  void lotsOfAnUnlistedAccountAreJudgedAgainstWhatItsExportHolds() {
    AccountJoin within = AccountJoin.of(KEY, List.of(), List.of(in("B2", "/a.csv")),
        List.of(lot("1", "/lots.csv", 2)), List.of(), "accounts.csv");
    assertThat(within.unknown(), is(true)); // its holdings are rejected rows, its lots with them
    assertThat(within.problems(), is(List.of()));
    AccountJoin above = AccountJoin.of(KEY, List.of(), List.of(in("B2", "/a.csv")),
        List.of(lot("2", "/lots.csv", 2)), List.of(), "accounts.csv");
    assertThat(above.problem().kind(), is(InputProblem.Kind.LOTS_EXCEED_HOLDING));
  }

  @Test
  void anAccountInTwoFilesIsThatProblemAloneWhateverItsLots() {
    AccountJoin j = AccountJoin.of(KEY, List.of(LISTED), List.of(in("B2", "/a.csv"),
        in("B2", "/b.csv")), List.of(lot("5", "/lots.csv", 2)), List.of(), "accounts.csv");
    assertThat(j.problems().size(), is(1));
    assertThat(j.problem().kind(), is(InputProblem.Kind.ACCOUNT_IN_TWO_FILES));
  }
}
