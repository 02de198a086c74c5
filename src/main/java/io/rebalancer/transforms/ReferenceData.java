package io.rebalancer.transforms;

import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The reference data every step looks things up in, as side inputs: the models and the price
 * history, small whatever the book's size. Accounts are not among them: a book of a million
 * accounts is joined to its holdings by key instead (see {@link Accounts}).
 */
public record ReferenceData(PCollectionView<Map<String, Model>> models,
    PCollectionView<PriceBook> prices) implements Serializable {

  /** Every view, for a DoFn's withSideInputs. */
  public List<PCollectionView<?>> views() {
    return List.of(models, prices);
  }

  /**
   * The side inputs' values. A DoFn reads them once and keeps them: in the global window of a
   * batch run they never change, and the Direct runner rebuilds a side input on every read.
   */
  public Values read(DoFn<?, ?>.ProcessContext c) {
    return new Values(c.sideInput(models), c.sideInput(prices));
  }

  /** Reference data in memory. */
  public record Values(Map<String, Model> models, PriceBook prices) {}
}
