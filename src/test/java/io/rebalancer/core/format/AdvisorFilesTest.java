package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.AccountType;
import io.rebalancer.core.ClassTarget;
import io.rebalancer.core.HouseholdRules;
import io.rebalancer.core.InputException;
import io.rebalancer.core.Model;
import io.rebalancer.core.RebalanceMode;
import io.rebalancer.core.Security;
import io.rebalancer.core.TradeTo;
import io.rebalancer.core.Trading;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The inputs of advisor rebalancing: accounts.csv's account_type and trading, securities.csv,
 * households.csv and the class models. Each bad line is one error naming the file and the line.
 */
class AdvisorFilesTest {
  private static final String ACCOUNTS =
      "brokerage_id,account_id,household_id,model_id,cash_reserve,account_type,trading\n";
  private static final String SECURITIES = "symbol,asset_class,name,preferred_account_type\n";
  private static final String HOUSEHOLDS = "household_id,mode,trade_to\n";
  private static final String CLASSES = "model_id,asset_class,target_weight,buy_symbol\n";

  private static List<AccountInfo> accounts(String text) {
    return ReferenceFiles.accounts("accounts.csv", new StringReader(text));
  }

  private static List<Security> securities(String text) {
    return SecurityFile.securities("securities.csv", new StringReader(text));
  }

  private static List<HouseholdRules> households(String text) {
    return HouseholdFile.households("households.csv", new StringReader(text));
  }

  private static List<Model> classModels(String text) {
    return ClassModelFile.classModels("class-models.csv", new StringReader(text));
  }

  private static String error(Executable read) {
    return assertThrows(InputException.class, read).getMessage();
  }

  private static ClassTarget target(String assetClass, String weight, String buy) {
    return new ClassTarget(assetClass, new BigDecimal(weight), buy);
  }

  @Test
  void accountsReadTheirTypeAndTradingAnEmptyCellOrNoColumnIsTheDefault() {
    AccountKey a1 = new AccountKey("B1", "A1");
    AccountKey a2 = new AccountKey("B1", "A2");
    AccountKey a3 = new AccountKey("B2", "A3");
    assertThat(accounts(ACCOUNTS + "B1,A1,H,M,0,tax-deferred,no-sell\n"
            + "B1,A2,H,M,0,,\n"
            + "B2,A3,H,M,0,tax-exempt,frozen\n"),
        contains(new AccountInfo(a1, "H", "M", BigDecimal.ZERO, AccountType.TAX_DEFERRED,
                Trading.NO_SELL),
            new AccountInfo(a2, "H", "M", BigDecimal.ZERO, AccountType.TAXABLE, Trading.NORMAL),
            new AccountInfo(a3, "H", "M", BigDecimal.ZERO, AccountType.TAX_EXEMPT,
                Trading.FROZEN)));
    assertThat(accounts("brokerage_id,account_id,household_id,model_id,trading\nB1,A1,H,M,no-buy\n"),
        contains(new AccountInfo(a1, "H", "M", BigDecimal.ZERO, AccountType.TAXABLE,
            Trading.NO_BUY)));
    // today's file, without the columns: the 4-argument account, taxable and trading normally
    assertThat(accounts("brokerage_id,account_id,household_id,model_id\nB1,A1,H,M\n"),
        contains(new AccountInfo(a1, "H", "M", BigDecimal.ZERO)));
  }

  @Test
  void anUnknownAccountTypeOrTradingNamesTheLineAndTheWordsAllowed() {
    assertThat(error(() -> accounts(ACCOUNTS + "B1,A1,H,M,0,,\nB1,A2,H,M,0,IRA,\n")),
        is("accounts.csv: line 3: account_type 'IRA' is not one of taxable, tax-deferred,"
            + " tax-exempt"));
    assertThat(error(() -> accounts(ACCOUNTS + "B1,A1,H,M,0,taxable,sell-only\n")),
        is("accounts.csv: line 2: trading 'sell-only' is not one of normal, no-sell, no-buy,"
            + " frozen"));
  }

  @Test
  void readsTheSecurityMasterNameAndPreferredAccountTypeMayBeEmptyOrAbsent() {
    assertThat(securities(SECURITIES
            + "VTI,US_EQUITY,Vanguard Total Stock Market ETF,taxable\n"
            + "BND,US_BOND,,tax-deferred\n"
            + "\"BRK/B\",US_EQUITY,\"Berkshire Hathaway Inc., Class B\",\n"),
        contains(new Security("VTI", "US_EQUITY", "Vanguard Total Stock Market ETF",
                AccountType.TAXABLE),
            new Security("BND", "US_BOND", null, AccountType.TAX_DEFERRED),
            new Security("BRK/B", "US_EQUITY", "Berkshire Hathaway Inc., Class B", null)));
    assertThat(securities("symbol,asset_class\nVXUS,INTL_EQUITY\n"),
        contains(new Security("VXUS", "INTL_EQUITY", null, null)));
  }

  @Test
  void aSecurityListedTwiceAnUnknownAccountTypeOrAMissingCellNamesTheLine() {
    assertThat(error(() -> securities(SECURITIES + "VTI,US_EQUITY,,\nBND,US_BOND,,\n"
            + "VTI,INTL_EQUITY,,\n")),
        is("securities.csv: line 4: symbol VTI is listed twice (first on line 2): a symbol has"
            + " one asset class"));
    assertThat(error(() -> securities(SECURITIES + "BND,US_BOND,,ira\n")),
        is("securities.csv: line 2: preferred_account_type 'ira' is not one of taxable,"
            + " tax-deferred, tax-exempt"));
    assertThat(error(() -> securities(SECURITIES + "BND,,,\n")),
        is("securities.csv: line 2: missing asset_class"));
    assertThat(error(() -> securities("symbol,name\nBND,x\n")),
        is("securities.csv: header has no asset_class column (expected symbol,asset_class)"));
  }

  @Test
  void readsHouseholdsAnEmptyCellIsTheConfigsValue() {
    assertThat(households(HOUSEHOLDS + "SMITH,buy-only,\nJONES,,band-edge\nLEE,bands,target\n"),
        contains(new HouseholdRules("SMITH", RebalanceMode.BUY_ONLY, null),
            new HouseholdRules("JONES", null, TradeTo.BAND_EDGE),
            new HouseholdRules("LEE", RebalanceMode.BANDS, TradeTo.TARGET)));
  }

  @Test
  void aHouseholdOnTwoLinesOrAnUnknownModeOrTradeToNamesTheLine() {
    assertThat(error(() -> households(HOUSEHOLDS + "SMITH,buy-only,\nJONES,,\nSMITH,bands,\n")),
        is("households.csv: line 4: household SMITH is listed twice (first on line 2): a"
            + " household has one mode"));
    assertThat(error(() -> households(HOUSEHOLDS + "SMITH,buy_only,\n")),
        is("households.csv: line 2: mode 'buy_only' is not one of bands, buy-only"));
    assertThat(error(() -> households(HOUSEHOLDS + "SMITH,,edge\n")),
        is("households.csv: line 2: trade_to 'edge' is not one of target, band-edge"));
    assertThat(error(() -> households("household_id,mode\nSMITH,bands\n")),
        is("households.csv: header has no trade_to column (expected household_id,mode,"
            + "trade_to)"));
  }

  @Test
  void readsClassModelsSortedByIdAndClassCashAndWeightZeroBuyNothing() {
    assertThat(classModels(CLASSES
            + "growth,US_EQUITY,0.7,VTI\n"
            + "balanced,US_BOND,0.4,BND\n"
            + "growth,US_BOND,0.25,BND\n"
            + "growth,CASH,0.05,\n"
            + "balanced,US_EQUITY,0.6,VTI\n"
            + "balanced,COMMODITY,0,\n"
            + "balanced,cash,0,\n"),
        contains(
            Model.ofClasses("balanced", List.of(target("CASH", "0", null),
                target("COMMODITY", "0", null), target("US_BOND", "0.4", "BND"),
                target("US_EQUITY", "0.6", "VTI"))),
            Model.ofClasses("growth", List.of(target("CASH", "0.05", null),
                target("US_BOND", "0.25", "BND"), target("US_EQUITY", "0.7", "VTI")))));
  }

  @Test
  void classModelWeightsFollowModelsCsvsRules() {
    assertThat(error(() -> classModels(CLASSES + "m,US_EQUITY,0.6,VTI\nm,US_BOND,0.3,BND\n")),
        is("class-models.csv: model m: target weights sum to 0.9, not 1"));
    assertThat(error(() -> classModels(CLASSES + "m,US_EQUITY,1.2,VTI\n")),
        is("class-models.csv: line 2: target_weight must be between 0 and 1"));
    assertThat(error(() -> classModels(CLASSES + "m,US_EQUITY,sixty,VTI\n")),
        is("class-models.csv: line 2: target_weight 'sixty' is not a number"));
    assertThat(error(() -> classModels(CLASSES
            + "m,US_EQUITY,0.5000000000000000001,VTI\nm,US_BOND,0.4999999999999999999,BND\n")),
        is("class-models.csv: line 2: target_weight 0.5000000000000000001 has 19 decimals;"
            + " the warehouse stores 18"));
    assertThat(error(() -> classModels(CLASSES + "m,US_EQUITY,0.5,VTI\nm,US_EQUITY,0.5,SCHB\n")),
        is("class-models.csv: line 3: model m names class US_EQUITY twice"));
    assertThat(classModels(CLASSES + "thirds,A,0.3333333333,X\nthirds,B,0.3333333333,Y\n"
        + "thirds,C,0.3333333333,Z\n").get(0).classes().size(), is(3));
  }

  @Test
  void aClassModelsBuySymbolIsRequiredAboveWeightZeroAbsentForCashAndOfOneClass() {
    assertThat(error(() -> classModels(CLASSES + "m,US_EQUITY,0.6,VTI\nm,US_BOND,0.4,\n")),
        is("class-models.csv: line 3: missing buy_symbol: class US_BOND has target_weight 0.4,"
            + " so it needs a symbol to buy"));
    assertThat(error(() -> classModels(CLASSES + "m,US_EQUITY,0.95,VTI\nm,CASH,0.05,VMFXX\n")),
        is("class-models.csv: line 3: class CASH has buy_symbol VMFXX: cash is never bought,"
            + " leave buy_symbol empty"));
    assertThat(error(() -> classModels(CLASSES + "m,US_EQUITY,0.95,VTI\nm,MONEY,0.05,CASH\n")),
        is("class-models.csv: line 3: buy_symbol of class MONEY is CASH: cash is never bought,"
            + " name a security of the class"));
    assertThat(error(() -> classModels(CLASSES + "m,US_EQUITY,0.6,VTI\nm,US_BOND,0.2,BND\n"
            + "m,US_LARGE_CAP,0.2,VTI\n")),
        is("class-models.csv: line 4: model m: buy_symbol VTI is already class US_EQUITY's"
            + " (line 2): a buy symbol belongs to one class of its model"));
    // two models may buy the same symbol, and a weight-0 class may name one
    assertThat(classModels(CLASSES + "a,US_EQUITY,1,VTI\nb,US_EQUITY,1,VTI\nb,US_BOND,0,BND\n")
        .size(), is(2));
  }
}
