package io.hanse.oms.core.catalog;

import io.hanse.oms.api.catalog.PersonalizationField;
import io.hanse.oms.api.catalog.PersonalizationTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks templates and the personalization an order line fills in. */
public final class PersonalizationRules {
  static final int MAX_FIELDS = 20;
  static final int MAX_FIELD_LENGTH = 500;

  private PersonalizationRules() {}

  /** Faults of a template definition; empty when it is sound. */
  public static List<String> checkTemplate(PersonalizationTemplate t) {
    List<String> errors = new ArrayList<>();
    if (t.fields() == null || t.fields().isEmpty() || t.fields().size() > MAX_FIELDS) {
      errors.add("a template has 1 to " + MAX_FIELDS + " fields");
      return errors;
    }
    List<String> names = new ArrayList<>();
    for (PersonalizationField f : t.fields()) {
      if (f.name() == null || !f.name().matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
        errors.add("field name must start with a letter: " + f.name());
      } else if (names.contains(f.name())) {
        errors.add("field " + f.name() + " appears twice");
      }
      names.add(f.name());
      if (f.maxLength() < 1 || f.maxLength() > MAX_FIELD_LENGTH) {
        errors.add("field " + f.name() + ": maxLength must be 1-" + MAX_FIELD_LENGTH);
      }
      if (f.allowedCharacters() != null) {
        try {
          pattern(f);
        } catch (PatternSyntaxException e) {
          errors.add("field " + f.name() + ": allowedCharacters is not a character class");
        }
      }
    }
    return errors;
  }

  /**
   * Faults of a line's personalization against its template; empty when it fits.
   *
   * @param template {@code null} when the SKU takes no personalization
   */
  public static List<String> checkValues(
      String sku, PersonalizationTemplate template, Map<String, String> values) {
    List<String> errors = new ArrayList<>();
    Map<String, String> given = values == null ? Map.of() : values;
    if (template == null) {
      if (!given.isEmpty()) {
        errors.add("sku " + sku + " takes no personalization");
      }
      return errors;
    }
    for (String name : given.keySet()) {
      if (template.fields().stream().noneMatch(f -> f.name().equals(name))) {
        errors.add("sku " + sku + ": unknown personalization field " + name);
      }
    }
    for (PersonalizationField f : template.fields()) {
      String value = given.get(f.name());
      if (value == null || value.isEmpty()) {
        if (f.required()) {
          errors.add("sku " + sku + ": personalization field " + f.name() + " is required");
        }
        continue;
      }
      if (value.codePointCount(0, value.length()) > f.maxLength()) {
        errors.add(
            "sku " + sku + ": " + f.name() + " is longer than " + f.maxLength() + " characters");
      }
      if (f.allowedCharacters() != null && !pattern(f).matcher(value).matches()) {
        errors.add(
            "sku " + sku + ": " + f.name() + " may only contain [" + f.allowedCharacters() + "]");
      }
    }
    return errors;
  }

  private static Pattern pattern(PersonalizationField f) {
    return Pattern.compile("[" + f.allowedCharacters() + "]*");
  }
}
