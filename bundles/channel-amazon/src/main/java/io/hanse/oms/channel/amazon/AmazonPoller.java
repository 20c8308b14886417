package io.hanse.oms.channel.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import io.hanse.oms.api.channel.ChannelCursors;
import io.hanse.oms.api.channel.ChannelInbox;
import io.hanse.oms.api.channel.InboundMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
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

  /** How late Amazon's order data may be. */
  static final Duration SETTLE = Duration.ofMinutes(2);

  /** Polls in a row an order may fail before it is put into the inbox as failed. */
  static final int GIVE_UP_AFTER = 3;

  private final java.util.Map<String, Integer> failures = new java.util.HashMap<>();

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

  /**
   * One poll of the window from the cursor to two minutes ago (Amazon shows a change about two
   * minutes late, so a window ending now would miss orders updated just before it). The cursor
   * moves to the window's end only when every order of every page is in the inbox; otherwise the
   * next poll reads the same window again, and the inbox's delivery ids make that harmless.
   *
   * @return how many orders it handed to the inbox
   */
  int poll() throws IOException {
    Instant from = cursor();
    Instant until = Instant.now().minus(SETTLE);
    if (!until.isAfter(from)) {
      return 0;
    }
    int handed = 0;
    int failed = 0;
    String next = null;
    do {
      AmazonApi.Page page = api.orders(from, until, next);
      for (JsonNode order : page.orders()) {
        try {
          if (hand(order)) {
            handed++;
          }
        } catch (IOException | RuntimeException e) {
          String id = order.path("AmazonOrderId").asText();
          if (failures.merge(id, 1, Integer::sum) >= GIVE_UP_AFTER) {
            // stop holding the cursor back: the order goes to the problem queue, visibly
            failures.remove(id);
            inbox.accept(channel, AmazonOrders.unreadable(order, e.getMessage()));
            continue;
          }
          failed++;
          LOG.warn(
              "Amazon order {} of channel {} could not be taken, the next poll tries again: {}",
              order.path("AmazonOrderId").asText(),
              channel,
              e.getMessage());
        }
      }
      next = page.nextToken();
    } while (next != null);
    if (failed == 0) {
      cursors.put(channel, CURSOR, until.toString());
    }
    return handed;
  }

  /** Hands one order to the inbox, unless it has it already; fetches items only when needed. */
  private boolean hand(JsonNode order) throws IOException {
    InboundMessage bare = AmazonOrders.message(order, List.of());
    if (inbox.known(channel, bare.deliveryId())) {
      return false;
    }
    List<JsonNode> items =
        AmazonOrders.needsItems(order)
            ? api.orderItems(order.path("AmazonOrderId").asText())
            : List.of();
    inbox.accept(channel, AmazonOrders.message(order, items));
    return true;
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
