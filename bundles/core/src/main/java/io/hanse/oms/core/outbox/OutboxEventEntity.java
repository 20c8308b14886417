package io.hanse.oms.core.outbox;

import static io.hanse.oms.core.internal.TableRows.Type.INTEGER;
import static io.hanse.oms.core.internal.TableRows.Type.TIMESTAMP;
import static io.hanse.oms.core.internal.TableRows.Type.VARCHAR;

import io.hanse.oms.core.internal.TableRows;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An event written in the same transaction as the change it reports, published afterwards. */
@Entity
@Table(name = "oms_outbox")
public class OutboxEventEntity {
  /** After this many failed attempts the relay leaves an event alone until an operator retries. */
  public static final int MAX_ATTEMPTS = 10;

  @Id private String id;
  private String topic;
  private String payload;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  protected OutboxEventEntity() {}

  /** New events' rows as the mapping writes them, for batches written over JDBC. */
  public static final TableRows<OutboxEventEntity> ROWS =
      TableRows.<OutboxEventEntity>of("oms_outbox")
          .column("id", VARCHAR, e -> e.id)
          .column("topic", VARCHAR, e -> e.topic)
          .column("payload", VARCHAR, e -> e.payload)
          .column("created_at", TIMESTAMP, e -> e.createdAt)
          .column("published_at", TIMESTAMP, e -> e.publishedAt)
          .column("attempts", INTEGER, e -> e.attempts)
          .column("last_error", VARCHAR, e -> e.lastError);

  OutboxEventEntity(String id, String topic, String payload) {
    this.id = id;
    this.topic = topic;
    this.payload = payload;
    this.createdAt = Instant.now();
  }

  public String id() {
    return id;
  }

  public String topic() {
    return topic;
  }

  public String payload() {
    return payload;
  }

  public int attempts() {
    return attempts;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public String lastError() {
    return lastError;
  }

  void failed(String error) {
    this.attempts++;
    this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
  }
}
