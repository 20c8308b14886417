/**
 * Sales channels: the SPI a connector implements ({@link
 * io.hanse.oms.api.channel.ChannelConnector}) and the core's inbox and administration services that
 * every connector shares.
 */
package io.hanse.oms.api.channel;
