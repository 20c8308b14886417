package io.hanse.oms.core.order;

import static io.hanse.oms.core.internal.TableRows.Type.TIMESTAMP;
import static io.hanse.oms.core.internal.TableRows.Type.VARCHAR;

import io.hanse.oms.core.internal.TableRows;
import java.io.Serializable;
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

  /** New keys' rows as the mapping writes them, for batches (see {@link OrderRows}). */
  static final TableRows<IdempotencyKeyEntity> ROWS =
      TableRows.<IdempotencyKeyEntity>of("oms_idempotency_key")
          .column("principal", VARCHAR, k -> k.id.principal)
          .column("idem_key", VARCHAR, k -> k.id.key)
          .column("request_hash", VARCHAR, k -> k.requestHash)
          .column("order_id", VARCHAR, k -> k.orderId)
          .column("created_at", TIMESTAMP, k -> k.createdAt);

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
