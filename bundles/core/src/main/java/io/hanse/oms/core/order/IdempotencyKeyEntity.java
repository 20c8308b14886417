package io.hanse.oms.core.order;

import io.hanse.oms.core.internal.JdbcBatch;
import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Embeddable;
import javax.persistence.EmbeddedId;
import javax.persistence.Entity;
import javax.persistence.Table;

/** A caller's idempotency key, the hash of the request it came with and the order it made. */
@Entity
@Table(name = "oms_idempotency_key")
public class IdempotencyKeyEntity {

  /** Keys are scoped by caller, so that two clients cannot collide on the same key. */
  @Embeddable
  public static class Id implements Serializable {
    private static final long serialVersionUID = 1L;
    private String principal;

    @Column(name = "idem_key")
    private String key;

    protected Id() {}

    Id(String principal, String key) {
      this.principal = principal;
      this.key = key;
    }

    String key() {
      return key;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Id other && principal.equals(other.principal) && key.equals(other.key);
    }

    @Override
    public int hashCode() {
      return Objects.hash(principal, key);
    }
  }

  @SuppressWarnings("UnusedVariable") // the primary key, read by JPA only
  @EmbeddedId
  private Id id;

  /** The insert of a new key, as the mapping writes it (see {@link OrderRows}). */
  static final String INSERT =
      "insert into oms_idempotency_key (principal, idem_key, request_hash, order_id, created_at)"
          + " values (?, ?, ?, ?, ?)";

  void bindInsert(PreparedStatement ps) throws SQLException {
    ps.setString(1, id.principal);
    ps.setString(2, id.key);
    ps.setString(3, requestHash);
    ps.setString(4, orderId);
    ps.setTimestamp(5, JdbcBatch.timestamp(createdAt));
  }

  @Column(name = "request_hash")
  private String requestHash;

  @Column(name = "order_id")
  private String orderId;

  @Column(name = "created_at")
  private Instant createdAt;

  protected IdempotencyKeyEntity() {}

  IdempotencyKeyEntity(Id id, String requestHash, String orderId) {
    this.id = id;
    this.requestHash = requestHash;
    this.orderId = orderId;
    this.createdAt = Instant.now();
  }

  String requestHash() {
    return requestHash;
  }

  String orderId() {
    return orderId;
  }
}
