/**
 * Returns: RMAs from request through authorization to receipt, each returned line restocked or
 * written off, and the refund that follows.
 */
package io.hanse.oms.api.returns;
