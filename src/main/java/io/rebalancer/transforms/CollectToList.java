package io.rebalancer.transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * A combine that gathers every input into one list and turns the whole list into its output.
 * Beam's Java SDK has no to-list combiner; subclasses say only what the gathered list becomes,
 * and must put it in a fixed order, since the runner merges partial lists in any order.
 */
abstract class CollectToList<InputT, OutputT> extends Combine.CombineFn<InputT, List<InputT>, OutputT> {

  @Override
  public final List<InputT> createAccumulator() {
    return new ArrayList<>();
  }

  @Override
  public final List<InputT> addInput(List<InputT> acc, InputT input) {
    acc.add(input);
    return acc;
  }

  @Override
  public final List<InputT> mergeAccumulators(Iterable<List<InputT>> parts) {
    List<InputT> all = new ArrayList<>();
    parts.forEach(all::addAll);
    return all;
  }

  @Override
  public final Coder<List<InputT>> getAccumulatorCoder(CoderRegistry registry, Coder<InputT> input) {
    return ListCoder.of(input);
  }
}
