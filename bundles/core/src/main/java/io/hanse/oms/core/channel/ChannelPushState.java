package io.hanse.oms.core.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Availability waiting to reach one channel, and how pushing to it has gone. */
final class ChannelPushState {
  // First changed, first pushed: a set alone would drain in hash order and, under steady load,
  // keep some SKUs waiting for ever. The set only keeps a SKU from being queued twice.
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();
  private final Queue<String> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong pushed = new AtomicLong();
  private volatile long notBefore;
  private volatile int failures;
  private volatile String lastError;
  private volatile Instant pushedAt;

  void mark(Collection<String> skus) {
    for (String sku : skus) {
      if (dirty.add(sku)) {
        queue.add(sku);
      }
    }
  }

  /** Takes up to {@code max} SKUs to push; they go back with {@link #mark} if the push fails. */
  List<String> drain(int max) {
    List<String> batch = new ArrayList<>();
    String sku;
    while (batch.size() < max && (sku = queue.poll()) != null) {
      dirty.remove(sku);
      batch.add(sku);
    }
    return batch;
  }

  boolean due(long now) {
    return !dirty.isEmpty() && now >= notBefore && !running.get();
  }

  boolean start() {
    return running.compareAndSet(false, true);
  }

  void finish() {
    running.set(false);
  }

  void succeeded(int skus) {
    pushed.addAndGet(skus);
    pushedAt = Instant.now();
    failures = 0;
    lastError = null;
    notBefore = 0;
  }

  /** A connector came (back) up, perhaps with a fixed configuration: push at once. */
  void reset() {
    failures = 0;
    lastError = null;
    notBefore = 0;
  }

  void failed(String error, long retryAtMillis) {
    failures++;
    lastError = error;
    notBefore = retryAtMillis;
  }

  int failures() {
    return failures;
  }

  int pending() {
    return dirty.size();
  }

  long pushed() {
    return pushed.get();
  }

  String lastError() {
    return lastError;
  }

  Instant pushedAt() {
    return pushedAt;
  }
}
