package io.hanse.oms.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.hanse.oms.api.catalog.PersonalizationField;
import io.hanse.oms.api.catalog.PersonalizationTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalizationRulesTest {
  private final PersonalizationTemplate monogram =
      new PersonalizationTemplate(
          "MONO",
          "Monogram",
          List.of(
              new PersonalizationField("initials", 3, "A-Z", true),
              new PersonalizationField("note", 5, null, false)));

  @Test
  void aFittingValuePasses() {
    assertThat(PersonalizationRules.checkValues("S", monogram, Map.of("initials", "HJK")))
        .isEmpty();
    assertThat(
            PersonalizationRules.checkValues(
                "S", monogram, Map.of("initials", "A", "note", "ümlaut")))
        .hasSize(1);
  }

  @Test
  void eachFaultIsNamed() {
    assertThat(PersonalizationRules.checkValues("S", monogram, Map.of()))
        .singleElement()
        .asString()
        .contains("initials is required");
    assertThat(PersonalizationRules.checkValues("S", monogram, Map.of("initials", "ABCD")))
        .singleElement()
        .asString()
        .contains("longer than 3");
    assertThat(PersonalizationRules.checkValues("S", monogram, Map.of("initials", "ab")))
        .singleElement()
        .asString()
        .contains("[A-Z]");
    assertThat(PersonalizationRules.checkValues("S", monogram, Map.of("initials", "AB", "x", "1")))
        .singleElement()
        .asString()
        .contains("unknown personalization field x");
    assertThat(PersonalizationRules.checkValues("S", null, Map.of("initials", "AB")))
        .singleElement()
        .asString()
        .contains("takes no personalization");
  }

  @Test
  void templatesAreCheckedToo() {
    assertThat(PersonalizationRules.checkTemplate(monogram)).isEmpty();
    PersonalizationTemplate broken =
        new PersonalizationTemplate(
            "B",
            "Broken",
            List.of(
                new PersonalizationField("a", 0, "[", false),
                new PersonalizationField("a", 3, null, false)));
    assertThat(PersonalizationRules.checkTemplate(broken)).hasSize(3);
  }
}
