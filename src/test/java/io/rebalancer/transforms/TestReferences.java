package io.rebalancer.transforms;

import io.rebalancer.core.HouseholdRules;
import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.Security;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;

/** Reference data as side inputs built from values in memory, for composites tested alone. */
final class TestReferences {
  private TestReferences() {}

  /** Without a security master or households file. */
  static ReferenceData of(Pipeline p, List<Model> models, PriceBook prices) {
    return of(p, models, prices, List.of(), List.of());
  }

  static ReferenceData of(Pipeline p, List<Model> models, PriceBook prices,
      List<Security> securities, List<HouseholdRules> households) {
    var modelsView = p
        .apply("TestModels", Create.of(models.stream().map(m -> KV.of(m.modelId(), m)).toList())
            .withCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoder.of(Model.class))))
        .apply("TestModelsView", View.asMap());
    var pricesView = p
        .apply("TestPrices", Create.of(prices).withCoder(PriceBookCoder.INSTANCE))
        .apply("TestPricesView", View.asSingleton());
    var securitiesView = p
        .apply("TestSecurities", Create.of(securities.stream()
                .map(s -> KV.of(s.symbol(), s)).toList())
            .withCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoder.of(Security.class))))
        .apply("TestSecuritiesView", View.asMap());
    var householdsView = p
        .apply("TestHouseholds", Create.of(households.stream()
                .map(h -> KV.of(h.householdId(), h)).toList())
            .withCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoder.of(HouseholdRules.class))))
        .apply("TestHouseholdsView", View.asMap());
    return new ReferenceData(modelsView, pricesView, securitiesView, householdsView);
  }
}
