/** The store POS channel connector; nothing here is exported. */
package io.hanse.oms.channel.pos;
