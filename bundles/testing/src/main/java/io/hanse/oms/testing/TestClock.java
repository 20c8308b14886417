package io.hanse.oms.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until the test moves it: to reach a deadline without waiting. */
public final class TestClock extends Clock {
  private volatile Instant now;

  /** Standing at {@code start}. */
  public TestClock(Instant start) {
    this.now = start;
  }

  /** Standing at 2026-03-01T10:00:00Z. */
  public TestClock() {
    this(Instant.parse("2026-03-01T10:00:00Z"));
  }

  /** Moves the clock by {@code d}, backwards when negative. */
  public void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
