package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelLookupTest {
  private static final Model GROWTH =
      new Model("growth", List.of(new TargetWeight("VTI", BigDecimal.ONE)));
  private static final Model INCOME =
      new Model("income", List.of(new TargetWeight("BND", BigDecimal.ONE)));
  private static final Map<String, Model> MODELS = Map.of("growth", GROWTH, "income", INCOME);

  @Test
  void anAccountIsComparedWithTheModelItsLineNames() {
    assertThat(ModelLookup.ofAccount(info("B1", "A1", "income"), MODELS), is(INCOME));
  }

  @Test
  void anUnlistedAccountIsOnTheDefaultModel() {
    Model fallback = new Model(AccountInfo.DEFAULT_MODEL, GROWTH.targets());
    AccountInfo unlisted = AccountInfo.unlisted(new AccountKey("B1", "A1"));

    assertThat(ModelLookup.ofAccount(unlisted, Map.of(AccountInfo.DEFAULT_MODEL, fallback)),
        is(fallback));
  }

  @Test
  void anAccountOnAnUnknownModelStopsTheRun() {
    InputException e = assertThrows(InputException.class,
        () -> ModelLookup.ofAccount(info("B2", "A7", "m-unknown"), MODELS));
    assertThat(e.getMessage(), is("account B2/A7: model 'm-unknown' is not in models.csv"));
  }

  @Test
  void aHouseholdIsRebalancedAgainstTheModelAllItsAccountsName() {
    assertThat(ModelLookup.ofHousehold("H1",
        List.of(account("B1", "A1", "growth"), account("B2", "A2", "growth")), MODELS), is(GROWTH));
  }

  @Test
  void aHouseholdWhoseAccountsNameDifferentModelsStopsTheRunNamingThemInAccountOrder() {
    // B2/A2 arrives first, but B1/A1 comes first in (brokerage, account) order: its model first.
    InputException e = assertThrows(InputException.class, () -> ModelLookup.ofHousehold("H1",
        List.of(account("B2", "A2", "income"), account("B1", "A1", "growth")), MODELS));
    assertThat(e.getMessage(),
        is("household H1: its accounts name different models (growth, income) in accounts.csv"));
  }

  @Test
  void aHouseholdOnAnUnknownModelStopsTheRun() {
    InputException e = assertThrows(InputException.class, () -> ModelLookup.ofHousehold("H1",
        List.of(account("B1", "A1", "m-unknown")), MODELS));
    assertThat(e.getMessage(), is("household H1: model 'm-unknown' is not in models.csv"));
  }

  private static AccountInfo info(String brokerage, String account, String model) {
    return new AccountInfo(new AccountKey(brokerage, account), "H1", model, BigDecimal.ZERO);
  }

  private static AccountAnalysis account(String brokerage, String account, String model) {
    return AccountAnalyzer.analyze(info(brokerage, account, model), List.of(), PriceBook.empty());
  }
}
