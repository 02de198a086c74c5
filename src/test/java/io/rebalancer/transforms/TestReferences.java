package io.rebalancer.transforms;

import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
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

  static ReferenceData of(Pipeline p, List<Model> models, PriceBook prices) {
    var modelsView = p
        .apply("TestModels", Create.of(models.stream().map(m -> KV.of(m.modelId(), m)).toList())
            .withCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoder.of(Model.class))))
        .apply("TestModelsView", View.asMap());
    var pricesView = p
        .apply("TestPrices", Create.of(prices).withCoder(PriceBookCoder.INSTANCE))
        .apply("TestPricesView", View.asSingleton());
    return new ReferenceData(modelsView, pricesView);
  }
}
