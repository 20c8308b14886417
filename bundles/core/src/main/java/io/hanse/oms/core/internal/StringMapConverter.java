package io.hanse.oms.core.internal;

import java.util.Map;
import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/** Stores a small string map (variant attributes, personalization) as a JSON column. */
@Converter
public class StringMapConverter implements AttributeConverter<Map<String, String>, String> {

  @Override
  public String convertToDatabaseColumn(Map<String, String> map) {
    return map == null || map.isEmpty() ? null : Json.write(map);
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String json) {
    return Json.readStringMap(json);
  }
}
