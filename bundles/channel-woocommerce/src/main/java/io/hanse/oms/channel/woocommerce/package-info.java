/** The WooCommerce channel connector; nothing here is exported. */
package io.hanse.oms.channel.woocommerce;
