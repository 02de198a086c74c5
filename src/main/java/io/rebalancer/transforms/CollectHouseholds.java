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

/**
 * Combines analysed accounts into households: household id to its accounts, each list in
 * (brokerage, account) order so that the rebalance sees the same input whatever order the runner
 * merged partial results in.
 */
final class CollectHouseholds
    extends CollectToList<AccountAnalysis, SortedMap<String, List<AccountAnalysis>>> {

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
  public Coder<SortedMap<String, List<AccountAnalysis>>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<AccountAnalysis> input) {
    return SortedMapCoder.of(StringUtf8Coder.of(), ListCoder.of(input));
  }
}
