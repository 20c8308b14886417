package io.hanse.oms.rest.resource;

import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.channel.ChannelAdmin;
import io.hanse.oms.api.channel.ChannelInbox;
import io.hanse.oms.api.channel.ChannelStatus;
import io.hanse.oms.api.channel.InboxEntry;
import io.hanse.oms.api.channel.InboxOutcome;
import io.hanse.oms.api.channel.WebhookRequest;
import io.hanse.oms.api.channel.WebhookResult;
import io.hanse.oms.api.security.Roles;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

/**
 * Channel instances: their webhooks (authenticated by the platform's signature, which the connector
 * checks, not by a login), their status, inbox and resync.
 */
@Path("channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelsResource {
  private final ChannelInbox inbox;
  private final ChannelAdmin admin;

  public ChannelsResource(ChannelInbox inbox, ChannelAdmin admin) {
    this.inbox = inbox;
    this.admin = admin;
  }

  @POST
  @Path("{name}/webhook")
  @Consumes(MediaType.WILDCARD)
  @Roles({})
  public WebhookResult webhook(
      @PathParam("name") String name, @Context HttpHeaders headers, byte[] body) {
    return inbox.receive(name, new WebhookRequest(headers.getRequestHeaders(), body));
  }

  @GET
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public List<ChannelStatus> list() {
    return admin.channels();
  }

  @GET
  @Path("{name}")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public ChannelStatus status(@PathParam("name") String name) {
    return admin.status(name);
  }

  @POST
  @Path("{name}/resync")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Map<String, Object> resync(@PathParam("name") String name) {
    return Map.of("channel", name, "queuedSkus", admin.resync(name));
  }

  @GET
  @Path("{name}/inbox")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public List<InboxEntry> inbox(
      @PathParam("name") String name,
      @QueryParam("outcome") String outcome,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    admin.status(name);
    return inbox.entries(name, outcome(outcome), limit);
  }

  @GET
  @Path("{name}/inbox/{id}")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public InboxEntry entry(@PathParam("name") String name, @PathParam("id") long id) {
    InboxEntry entry = inbox.entry(id);
    if (!entry.channel().equals(name)) {
      throw new NotFoundException("inbox entry", String.valueOf(id));
    }
    return entry;
  }

  @POST
  @Path("{name}/inbox/{id}/replay")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public WebhookResult replay(
      @PathParam("name") String name, @PathParam("id") long id, @Context SecurityContext security) {
    entry(name, id);
    return inbox.replay(id, Callers.user(security));
  }

  private static InboxOutcome outcome(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return InboxOutcome.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          List.of("outcome must be one of " + List.of(InboxOutcome.values())));
    }
  }
}
