package io.hanse.oms.core.channel;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** One named value of a channel instance, e.g. Amazon's last-updated cursor. */
@Entity
@Table(name = "oms_channel_cursor")
public class ChannelCursorEntity {
  @Id private String id;

  @Column(name = "cursor_value")
  private String value;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected ChannelCursorEntity() {}

  ChannelCursorEntity(String id, String value) {
    this.id = id;
    set(value);
  }

  String value() {
    return value;
  }

  void set(String value) {
    this.value = value;
    this.updatedAt = Instant.now();
  }
}
