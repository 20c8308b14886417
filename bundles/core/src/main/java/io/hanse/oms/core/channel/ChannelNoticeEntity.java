package io.hanse.oms.core.channel;

import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.core.internal.Ids;
import io.hanse.oms.core.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.Id;
import javax.persistence.Table;

/** A shipment or cancellation to report to the channel an order came from, until delivered. */
@Entity
@Table(name = "oms_channel_notice")
public class ChannelNoticeEntity {
  static final String SHIPPED = "SHIPPED";
  static final String CANCELLED = "CANCELLED";
  static final String COMPLETE = "complete";
  static final int MAX_ATTEMPTS = 120;
  static final Instant GIVEN_UP = Instant.parse("9999-01-01T00:00:00Z");

  @Id private String id;
  private String channel;
  private String kind;

  @Column(name = "order_id")
  private String orderId;

  private String payload;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  protected ChannelNoticeEntity() {}

  /** The channel that placed an order ({@code channel:<name>}), or null for any other placer. */
  public static String channelOf(String placedBy) {
    return placedBy != null && placedBy.startsWith(ChannelNotices.CHANNEL_USER_PREFIX)
        ? placedBy.substring(ChannelNotices.CHANNEL_USER_PREFIX.length())
        : null;
  }

  /**
   * Records, in the caller's transaction, that a channel's order shipped: the notice is as durable
   * as the shipment itself.
   */
  public static void shipped(
      EntityManager em,
      String channel,
      String orderId,
      String externalId,
      String shipmentId,
      boolean complete) {
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put(OmsTopics.EXTERNAL_ID, externalId);
    payload.put(OmsTopics.SHIPMENT_ID, shipmentId);
    payload.put(COMPLETE, String.valueOf(complete));
    em.persist(new ChannelNoticeEntity(Ids.next(), channel, SHIPPED, orderId, payload));
  }

  /** Records, in the caller's transaction, that Hanse cancelled a channel's order. */
  public static void cancelled(
      EntityManager em, String channel, String orderId, String externalId, String reason) {
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put(OmsTopics.EXTERNAL_ID, externalId);
    payload.put(OmsTopics.REASON, reason == null ? "cancelled" : reason);
    em.persist(new ChannelNoticeEntity(Ids.next(), channel, CANCELLED, orderId, payload));
  }

  ChannelNoticeEntity(
      String eventId, String channel, String kind, String orderId, Map<String, String> payload) {
    this.id = eventId;
    this.channel = channel;
    this.kind = kind;
    this.orderId = orderId;
    this.payload = Json.write(payload);
    this.createdAt = Instant.now();
    this.nextAttemptAt = createdAt;
  }

  String id() {
    return id;
  }

  String channel() {
    return channel;
  }

  String kind() {
    return kind;
  }

  Map<String, String> payload() {
    return Json.readStringMap(payload);
  }

  void delivered() {
    deliveredAt = Instant.now();
    attempts++;
    lastError = null;
  }

  void failed(String error, Duration retryIn) {
    attempts++;
    String e =
        attempts >= MAX_ATTEMPTS ? "gave up after " + attempts + " attempts: " + error : error;
    lastError = e == null || e.length() <= 1000 ? e : e.substring(0, 997) + "...";
    // After that many attempts (over a day) it waits for an operator, not for the next retry.
    nextAttemptAt = attempts >= MAX_ATTEMPTS ? GIVEN_UP : Instant.now().plus(retryIn);
  }

  String orderId() {
    return orderId;
  }

  int attempts() {
    return attempts;
  }
}
