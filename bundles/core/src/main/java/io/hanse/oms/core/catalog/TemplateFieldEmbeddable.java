package io.hanse.oms.core.catalog;

import io.hanse.oms.api.catalog.PersonalizationField;
import javax.persistence.Column;
import javax.persistence.Embeddable;

/** One field of a personalization template. */
@Embeddable
public class TemplateFieldEmbeddable {
  private String name;

  @Column(name = "max_length")
  private int maxLength;

  @Column(name = "allowed_characters")
  private String allowedCharacters;

  private boolean required;

  protected TemplateFieldEmbeddable() {}

  TemplateFieldEmbeddable(PersonalizationField field) {
    this.name = field.name();
    this.maxLength = field.maxLength();
    this.allowedCharacters = field.allowedCharacters();
    this.required = field.required();
  }

  PersonalizationField toField() {
    return new PersonalizationField(name, maxLength, allowedCharacters, required);
  }
}
