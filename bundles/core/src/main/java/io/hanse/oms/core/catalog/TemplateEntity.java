package io.hanse.oms.core.catalog;

import io.hanse.oms.api.catalog.PersonalizationTemplate;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.CollectionTable;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;

/** A personalization template and its fields. */
@Entity
@Table(name = "oms_template")
public class TemplateEntity {
  @Id private String code;
  private String name;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "oms_template_field", joinColumns = @JoinColumn(name = "template_code"))
  @OrderColumn(name = "position")
  private List<TemplateFieldEmbeddable> fields = new ArrayList<>();

  protected TemplateEntity() {}

  TemplateEntity(String code) {
    this.code = code;
  }

  void replace(PersonalizationTemplate template) {
    this.name = template.name();
    this.fields.clear();
    template.fields().forEach(f -> fields.add(new TemplateFieldEmbeddable(f)));
  }

  public PersonalizationTemplate toTemplate() {
    return new PersonalizationTemplate(
        code, name, fields.stream().map(TemplateFieldEmbeddable::toField).toList());
  }
}
