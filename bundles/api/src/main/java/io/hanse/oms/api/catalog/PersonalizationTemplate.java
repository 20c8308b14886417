package io.hanse.oms.api.catalog;

import java.util.List;

/** Named fields a customer fills in for a personalized item (an engraving, a monogram). */
public record PersonalizationTemplate(
    String code, String name, List<PersonalizationField> fields) {}
