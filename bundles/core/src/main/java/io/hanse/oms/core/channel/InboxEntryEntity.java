package io.hanse.oms.core.channel;

import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.InboxEntry;
import io.hanse.oms.api.channel.InboxOutcome;
import io.hanse.oms.core.internal.Json;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** One inbound channel message, stored before it is acted on, with what became of it. */
@Entity
@Table(name = "oms_channel_inbox")
public class InboxEntryEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inbox")
  @SequenceGenerator(name = "inbox", sequenceName = "oms_channel_inbox_seq", allocationSize = 50)
  private long id;

  private String channel;

  @Column(name = "delivery_id")
  private String deliveryId;

  private String topic;

  @Column(name = "external_id")
  private String externalId;

  private String headers;

  // A clob column: setString/getString work on Derby and PostgreSQL alike.
  private String body;

  @Column(name = "received_at")
  private Instant receivedAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Enumerated(EnumType.STRING)
  private InboxOutcome outcome;

  @Column(name = "order_id")
  private String orderId;

  private String detail;
  private int attempts;

  /** While set and in the future, one actor is acting on this entry. */
  @Column(name = "claimed_until")
  private Instant claimedUntil;

  protected InboxEntryEntity() {}

  InboxEntryEntity(String channel, InboundMessage message) {
    this.channel = channel;
    this.deliveryId = message.deliveryId();
    this.topic = message.topic();
    this.headers = Json.write(message.headers());
    this.body = message.body();
    this.receivedAt = Instant.now();
    this.updatedAt = receivedAt;
    this.outcome = InboxOutcome.RECEIVED;
  }

  long id() {
    return id;
  }

  String channel() {
    return channel;
  }

  InboxOutcome outcome() {
    return outcome;
  }

  InboundMessage message() {
    return new InboundMessage(deliveryId, topic, Json.readStringMap(headers), body);
  }

  /** Records what acting on the message did. */
  void settle(InboxOutcome outcome, String externalId, String orderId, String detail) {
    this.claimedUntil = null;
    this.attempts++;
    this.updatedAt = Instant.now();
    boolean settled =
        this.outcome == InboxOutcome.ACCEPTED
            || this.outcome == InboxOutcome.ON_HOLD
            || this.outcome == InboxOutcome.CANCELLED
            || this.outcome == InboxOutcome.RECORDED;
    boolean done = settled && this.outcome != InboxOutcome.ON_HOLD;
    if ((settled && outcome == InboxOutcome.UNCHANGED)
        || (done && outcome == InboxOutcome.FAILED)) {
      // a second delivery, a replay or a late actor found what the first one did: keep it
      return;
    }
    this.outcome = outcome;
    if (externalId != null) {
      this.externalId = externalId.length() > 128 ? externalId.substring(0, 128) : externalId;
    }
    this.orderId = orderId;
    this.detail =
        detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";

    this.updatedAt = Instant.now();
  }

  InboxEntry toEntry(boolean withBody) {
    return new InboxEntry(
        id,
        channel,
        deliveryId,
        topic,
        externalId,
        receivedAt,
        outcome,
        orderId,
        detail,
        attempts,
        Json.readStringMap(headers),
        withBody ? body : null,
        claimedUntil != null && claimedUntil.isAfter(Instant.now()));
  }
}
