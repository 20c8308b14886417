package io.hanse.oms.core.channel;

import io.hanse.oms.core.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A shipment or cancellation to report to the channel an order came from, until delivered. */
@Entity
@Table(name = "oms_channel_notice")
public class ChannelNoticeEntity {
  static final String SHIPPED = "SHIPPED";
  static final String CANCELLED = "CANCELLED";

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
    lastError = error == null || error.length() <= 1000 ? error : error.substring(0, 997) + "...";
    nextAttemptAt = Instant.now().plus(retryIn);
  }

  String orderId() {
    return orderId;
  }

  int attempts() {
    return attempts;
  }
}
