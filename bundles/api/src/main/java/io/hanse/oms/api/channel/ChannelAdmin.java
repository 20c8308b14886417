package io.hanse.oms.api.channel;

import io.hanse.oms.api.NotFoundException;
import java.util.List;

/** Operating the installed channel instances. */
public interface ChannelAdmin {

  /** Every installed instance, by name. */
  List<ChannelStatus> channels();

  /**
   * One instance.
   *
   * @throws NotFoundException when no instance has that name
   */
  ChannelStatus status(String name);

  /**
   * Queues the availability of every SKU for the instance: a full resync.
   *
   * @return the number of SKUs queued
   * @throws NotFoundException when no instance has that name
   */
  int resync(String name);
}
