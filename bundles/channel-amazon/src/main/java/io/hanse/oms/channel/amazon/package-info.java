/** The Amazon channel connector; nothing here is exported. */
package io.hanse.oms.channel.amazon;
