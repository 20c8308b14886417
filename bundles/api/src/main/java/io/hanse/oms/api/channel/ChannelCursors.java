package io.hanse.oms.api.channel;

import java.util.Optional;

/**
 * Small values a connector keeps between runs and restarts, such as a polling cursor: stored in the
 * database, so every node of a cluster sees the same.
 */
public interface ChannelCursors {

  Optional<String> get(String channel, String name);

  /** Sets a value; each call is its own transaction. */
  void put(String channel, String name, String value);
}
