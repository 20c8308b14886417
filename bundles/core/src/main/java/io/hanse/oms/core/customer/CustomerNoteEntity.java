package io.hanse.oms.core.customer;

import io.hanse.oms.api.customer.CustomerNote;
import io.hanse.oms.core.internal.Ids;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A note left on a customer by a service agent. */
@Entity
@Table(name = "oms_customer_note")
public class CustomerNoteEntity {
  @Id private String id;

  @Column(name = "customer_id")
  private String customerId;

  private String text;
  private String author;

  @Column(name = "created_at")
  private Instant createdAt;

  protected CustomerNoteEntity() {}

  CustomerNoteEntity(String customerId, String text, String author) {
    this.id = Ids.next();
    this.customerId = customerId;
    this.text = text;
    this.author = author;
    this.createdAt = Instant.now();
  }

  CustomerNote toNote() {
    return new CustomerNote(text, author, createdAt);
  }
}
