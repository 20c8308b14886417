package io.hanse.oms.core.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Availability waiting to reach one channel, and how pushing to it has gone. */
final class ChannelPushState {
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong pushed = new AtomicLong();
  private volatile long notBefore;
  private volatile int failures;
  private volatile String lastError;
  private volatile Instant pushedAt;

  void mark(Collection<String> skus) {
    dirty.addAll(skus);
  }

  /** Takes up to {@code max} SKUs to push; they go back with {@link #mark} if the push fails. */
  List<String> drain(int max) {
    List<String> batch = new ArrayList<>();
    for (Iterator<String> it = dirty.iterator(); it.hasNext() && batch.size() < max; ) {
      batch.add(it.next());
      it.remove();
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
