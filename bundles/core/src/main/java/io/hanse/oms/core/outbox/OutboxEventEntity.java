package io.hanse.oms.core.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
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

  /** The insert of a new event, as the mapping writes it, for batches written over JDBC. */
  public static final String INSERT =
      "insert into oms_outbox (id, topic, payload, created_at, published_at, attempts, last_error)"
          + " values (?, ?, ?, ?, ?, ?, ?)";

  public void bindInsert(PreparedStatement ps) throws SQLException {
    ps.setString(1, id);
    ps.setString(2, topic);
    ps.setString(3, payload);
    ps.setTimestamp(4, Timestamp.from(createdAt));
    ps.setTimestamp(5, publishedAt == null ? null : Timestamp.from(publishedAt));
    ps.setInt(6, attempts);
    ps.setString(7, lastError);
  }

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
