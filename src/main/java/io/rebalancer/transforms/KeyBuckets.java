package io.rebalancer.transforms;

/**
 * Groups are formed per hash bucket of their key (account, household), and each bucket is then
 * split per key in memory. The Direct runner hands every key of a GroupByKey to downstream steps
 * as its own bundle, at tens of milliseconds per bundle and step; a bounded number of buckets keeps
 * a book of 100,000 accounts to a handful of bundles. String.hashCode is fixed by the language, so
 * bucketing is the same on every JVM and runner, and results do not depend on the bucket count.
 */
final class KeyBuckets {
  private KeyBuckets() {}

  static int of(String key, int buckets) {
    return Math.floorMod(key.hashCode(), buckets);
  }
}
