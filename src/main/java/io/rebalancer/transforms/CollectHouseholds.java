package io.rebalancer.transforms;

import io.rebalancer.core.AccountAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SortedMapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Combines analysed accounts into households: household id to its accounts, each list in
 * (brokerage, account) order so that the rebalance sees the same input whatever order the runner
 * merged partial results in.
 */
final class CollectHouseholds extends Combine.CombineFn<AccountAnalysis,
    List<AccountAnalysis>, SortedMap<String, List<AccountAnalysis>>> {

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
  public SortedMap<String, List<AccountAnalysis>> extractOutput(List<AccountAnalysis> acc) {
    SortedMap<String, List<AccountAnalysis>> households = new TreeMap<>();
    for (AccountAnalysis a : acc) {
      households.computeIfAbsent(a.householdId(), h -> new ArrayList<>()).add(a);
    }
    households.values().forEach(list -> list.sort(Comparator.comparing(AccountAnalysis::key)));
    return households;
  }

  @Override
  public Coder<List<AccountAnalysis>> getAccumulatorCoder(CoderRegistry registry,
      Coder<AccountAnalysis> input) {
    return ListCoder.of(input);
  }

  @Override
  public Coder<SortedMap<String, List<AccountAnalysis>>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<AccountAnalysis> input) {
    return SortedMapCoder.of(StringUtf8Coder.of(), ListCoder.of(input));
  }
}
