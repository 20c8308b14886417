/**
 * EventAdmin topics the core publishes through its transactional outbox. Every event carries {@link
 * io.hanse.oms.api.event.OmsTopics#EVENT_ID}; an event may be delivered more than once, so
 * listeners deduplicate by it.
 */
package io.hanse.oms.api.event;
