/** Orders from every channel: intake, state, shipments and cancellation. */
package io.hanse.oms.api.order;
