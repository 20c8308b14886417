/**
 * Inventory: locations and the departments they serve, stock per SKU and location, the movement
 * log, suppliers and purchase orders.
 */
package io.hanse.oms.api.inventory;
