package io.rebalancer.transforms;

import io.rebalancer.core.AccountAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Combines a household's analysed accounts into one list, in (brokerage, account) order so that
 * the rebalance sees the same input whatever order the runner merged partial lists in.
 */
final class CollectAccounts
    extends Combine.CombineFn<AccountAnalysis, List<AccountAnalysis>, List<AccountAnalysis>> {

  @Override
  public List<AccountAnalysis> createAccumulator() {
    return new ArrayList<>();
  }

  @Override
  public List<AccountAnalysis> addInput(List<AccountAnalysis> acc, AccountAnalysis account) {
    acc.add(account);
    return acc;
  }

  @Override
  public List<AccountAnalysis> mergeAccumulators(Iterable<List<AccountAnalysis>> parts) {
    List<AccountAnalysis> all = new ArrayList<>();
    parts.forEach(all::addAll);
    return all;
  }

  @Override
  public List<AccountAnalysis> extractOutput(List<AccountAnalysis> acc) {
    List<AccountAnalysis> sorted = new ArrayList<>(acc);
    sorted.sort(Comparator.comparing(AccountAnalysis::key));
    return sorted;
  }

  @Override
  public Coder<List<AccountAnalysis>> getAccumulatorCoder(CoderRegistry registry,
      Coder<AccountAnalysis> input) throws CannotProvideCoderException {
    return ListCoder.of(input);
  }

  @Override
  public Coder<List<AccountAnalysis>> getDefaultOutputCoder(CoderRegistry registry,
      Coder<AccountAnalysis> input) {
    return ListCoder.of(input);
  }
}
