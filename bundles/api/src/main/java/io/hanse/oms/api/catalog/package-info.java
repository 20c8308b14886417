/** Catalog: products by SKU, styles and their variants, kits, personalization templates. */
package io.hanse.oms.api.catalog;
