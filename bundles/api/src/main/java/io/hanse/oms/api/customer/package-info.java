/** Customers: contact details, addresses and service notes. */
package io.hanse.oms.api.customer;
