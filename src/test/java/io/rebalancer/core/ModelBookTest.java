package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelBookTest {
  private static final Model BY_SYMBOL = new Model("balanced",
      List.of(new TargetWeight("VTI", new BigDecimal("0.6")),
          new TargetWeight("BND", new BigDecimal("0.4"))));
  private static final Model BY_CLASS = Model.ofClasses("classes-60-40", List.of(
      new ClassTarget("US_EQUITY", new BigDecimal("0.6"), "VTI"),
      new ClassTarget("US_BOND", new BigDecimal("0.4"), "BND")));
  private static final SecurityMaster MASTER = SecurityMaster.of(List.of(
      new Security("VTI", "US_EQUITY", null, null), new Security("BND", "US_BOND", null, null)));

  @Test
  void modelsOfBothFilesAreOneBookByIdWithoutTheOptionalFilesItIsModelsCsvs() {
    Map<String, Model> book = ModelBook.of("models.csv", List.of(BY_SYMBOL), "classes.csv",
        List.of(BY_CLASS), "securities.csv", MASTER);
    assertThat(book.keySet(), contains("balanced", "classes-60-40"));
    assertThat(book.get("classes-60-40"), is(BY_CLASS));

    assertThat(ModelBook.of("models.csv", List.of(BY_SYMBOL), null, List.of(), null,
        SecurityMaster.EMPTY), is(Map.of("balanced", BY_SYMBOL)));
    // without a master there is nothing to check a buy symbol against
    assertThat(ModelBook.of("models.csv", List.of(), "classes.csv", List.of(BY_CLASS), null,
        SecurityMaster.EMPTY).keySet(), contains("classes-60-40"));
  }

  @Test
  void aModelIdInBothFilesIsOneErrorNamingBoth() {
    Model clash = Model.ofClasses("balanced", BY_CLASS.classes());
    InputException e = assertThrows(InputException.class, () -> ModelBook.of("models.csv",
        List.of(BY_SYMBOL), "classes.csv", List.of(clash), "securities.csv", MASTER));
    assertThat(e.getMessage(), is("models.csv and classes.csv: model balanced is in both: a"
        + " model is by symbol (models) or by asset class (classModels), never both; rename"
        + " one"));
  }

  @Test
  void aBuySymbolTheMasterPutsInAnotherClassIsAnErrorNamingBothFiles() {
    Model wrong = Model.ofClasses("wrong", List.of(
        new ClassTarget("US_EQUITY", new BigDecimal("0.6"), "BND"),
        new ClassTarget("US_BOND", new BigDecimal("0.4"), "AGG")));
    InputException e = assertThrows(InputException.class, () -> ModelBook.of("models.csv",
        List.of(), "classes.csv", List.of(wrong), "securities.csv", MASTER));
    assertThat(e.getMessage(), is("classes.csv: model wrong: class US_EQUITY buys BND, which"
        + " securities.csv puts in class US_BOND: name a buy_symbol of class US_EQUITY, or"
        + " correct the security's asset_class"));
  }
}
