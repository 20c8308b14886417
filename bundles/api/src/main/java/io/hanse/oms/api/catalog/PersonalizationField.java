package io.hanse.oms.api.catalog;

/**
 * One field of a personalization template.
 *
 * @param name field name as sent on the order line, e.g. {@code initials}
 * @param maxLength the longest value accepted
 * @param allowedCharacters the body of a regular-expression character class, e.g. {@code A-Z .}
 * @param required whether an order line must fill it in
 */
public record PersonalizationField(
    String name, int maxLength, String allowedCharacters, boolean required) {}
