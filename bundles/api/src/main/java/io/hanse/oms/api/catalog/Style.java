package io.hanse.oms.api.catalog;

import java.util.List;

/** A style and the variant SKUs it groups, each told apart by its attributes. */
public record Style(String code, List<Product> variants) {}
