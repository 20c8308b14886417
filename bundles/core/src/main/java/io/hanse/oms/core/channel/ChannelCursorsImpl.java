package io.hanse.oms.core.channel;

import io.hanse.oms.api.channel.ChannelCursors;
import io.hanse.oms.core.internal.Checks;
import io.hanse.oms.core.internal.Transactions;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Connectors' cursors in {@code oms_channel_cursor}. */
@Component(service = ChannelCursors.class)
public class ChannelCursorsImpl implements ChannelCursors {
  private final Transactions tx;

  @Activate
  public ChannelCursorsImpl(@Reference Transactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<String> get(String channel, String name) {
    String id = id(channel, name);
    return tx.read(
        em ->
            Optional.ofNullable(em.find(ChannelCursorEntity.class, id))
                .map(ChannelCursorEntity::value));
  }

  @Override
  public void put(String channel, String name, String value) {
    String id = id(channel, name);
    new Checks().maxLength("value", value, 1000).orThrow();
    tx.write(
        em -> {
          ChannelCursorEntity cursor = em.find(ChannelCursorEntity.class, id);
          if (cursor == null) {
            em.persist(new ChannelCursorEntity(id, value));
          } else {
            cursor.set(value);
          }
          return null;
        });
  }

  private static String id(String channel, String name) {
    new Checks()
        .code("channel", channel)
        .code("name", name)
        .maxLength("channel", channel, 64)
        .maxLength("name", name, 64)
        .orThrow();
    return channel + "/" + name;
  }
}
