package io.hanse.oms.channel.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import io.hanse.oms.api.channel.ChannelCursors;
import io.hanse.oms.api.channel.ChannelInbox;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls getOrders for orders updated since a cursor kept in the database, follows NextToken through
 * every page, fetches each order's items, and hands each order to the inbox. The cursor moves only
 * after a page is in the inbox, so a crash re-reads rather than skips; the inbox's delivery ids
 * make re-reading harmless.
 */
final class AmazonPoller {
  private static final Logger LOG = LoggerFactory.getLogger(AmazonPoller.class);
  static final String CURSOR = "lastUpdatedAfter";

  private final String channel;
  private final AmazonApi api;
  private final ChannelInbox inbox;
  private final ChannelCursors cursors;
  private final Duration lookback;

  AmazonPoller(
      String channel,
      AmazonApi api,
      ChannelInbox inbox,
      ChannelCursors cursors,
      Duration lookback) {
    this.channel = channel;
    this.api = api;
    this.inbox = inbox;
    this.cursors = cursors;
    this.lookback = lookback;
  }

  /** One poll; returns how many orders it handed to the inbox. */
  int poll() throws IOException {
    Instant cursor = cursor();
    Instant newest = cursor;
    int handed = 0;
    String next = null;
    do {
      AmazonApi.Page page = api.orders(cursor, next);
      for (JsonNode order : page.orders()) {
        String id = order.path("AmazonOrderId").asText();
        inbox.accept(channel, AmazonOrders.message(order, api.orderItems(id)));
        handed++;
        Instant updated = parse(order.path("LastUpdateDate").asText(null));
        if (updated != null && updated.isAfter(newest)) {
          newest = updated;
        }
      }
      if (newest.isAfter(cursor)) {
        cursors.put(channel, CURSOR, newest.toString());
      }
      next = page.nextToken();
    } while (next != null);
    return handed;
  }

  void pollSafely() {
    try {
      int handed = poll();
      if (handed > 0) {
        LOG.info("Amazon channel {}: {} orders polled", channel, handed);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Polling Amazon channel {} failed, next poll retries: {}", channel, e.getMessage());
    }
  }

  private Instant cursor() {
    return cursors
        .get(channel, CURSOR)
        .map(AmazonPoller::parse)
        .orElseGet(() -> Instant.now().minus(lookback));
  }

  private static Instant parse(String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
