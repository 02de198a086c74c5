package io.rebalancer.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableComparator;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Groups elements per key (an account, a household) and hands on each key's elements as one list
 * in a fixed order, whatever order the runner delivered them in.
 *
 * <p>The runner groups by hash bucket of the key, and each bucket is split per key in memory. The
 * Direct runner hands every group of a GroupByKey downstream as its own bundle, at a cost per
 * bundle and step, so a handful of buckets suits it; Flink sorts and spills any number of groups,
 * so many small buckets keep one group's memory small however large the book. The key's text
 * (String.hashCode is fixed by the language) picks the bucket, so the grouping is the same on
 * every JVM and runner, and results do not depend on the bucket count.
 */
public final class GroupInBuckets<K extends Comparable<? super K>, V>
    extends PTransform<PCollection<V>, PCollection<KV<K, List<V>>>> {
  private final SerializableFunction<V, K> key;
  private final Coder<K> keyCoder;
  private final SerializableComparator<V> order;
  private final int buckets;

  private GroupInBuckets(SerializableFunction<V, K> key, Coder<K> keyCoder,
      SerializableComparator<V> order, int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be at least 1");
    }
    this.key = key;
    this.keyCoder = keyCoder;
    this.order = order;
    this.buckets = buckets;
  }

  /** @param order how each key's elements are ordered (ties must not matter to the consumer) */
  public static <K extends Comparable<? super K>, V> GroupInBuckets<K, V> by(
      SerializableFunction<V, K> key, Coder<K> keyCoder, SerializableComparator<V> order,
      int buckets) {
    return new GroupInBuckets<>(key, keyCoder, order, buckets);
  }

  static int bucketOf(Object key, int buckets) {
    return Math.floorMod(key.toString().hashCode(), buckets);
  }

  @Override
  public PCollection<KV<K, List<V>>> expand(PCollection<V> input) {
    SerializableFunction<V, K> keyOf = key;
    int n = buckets;
    return input
        .apply("KeyByBucket", WithKeys.of((V v) -> bucketOf(keyOf.apply(v), n))
            .withKeyType(TypeDescriptors.integers()))
        .apply("GroupByBucket", GroupByKey.create())
        .apply("SplitPerKey", ParDo.of(new SplitPerKey<>(key, order)))
        .setCoder(KvCoder.of(keyCoder, ListCoder.of(input.getCoder())));
  }

  /** A bucket's elements, one sorted list per key, keys in order. */
  static final class SplitPerKey<K extends Comparable<? super K>, V>
      extends DoFn<KV<Integer, Iterable<V>>, KV<K, List<V>>> {
    private final SerializableFunction<V, K> key;
    private final SerializableComparator<V> order;

    SplitPerKey(SerializableFunction<V, K> key, SerializableComparator<V> order) {
      this.key = key;
      this.order = order;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<V>> bucket,
        OutputReceiver<KV<K, List<V>>> out) {
      Map<K, List<V>> byKey = new TreeMap<>();
      for (V v : bucket.getValue()) {
        byKey.computeIfAbsent(key.apply(v), k -> new ArrayList<>()).add(v);
      }
      byKey.forEach((k, values) -> {
        values.sort(order);
        out.output(KV.of(k, values));
      });
    }
  }
}
