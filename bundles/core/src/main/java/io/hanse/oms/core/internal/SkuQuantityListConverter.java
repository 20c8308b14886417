package io.hanse.oms.core.internal;

import io.hanse.oms.api.SkuQuantity;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/** Stores a short list of SKU quantities as {@code SKU:qty,SKU:qty} (SKU codes contain no ':'). */
@Converter
public class SkuQuantityListConverter implements AttributeConverter<List<SkuQuantity>, String> {

  @Override
  public String convertToDatabaseColumn(List<SkuQuantity> list) {
    return list == null || list.isEmpty()
        ? null
        : list.stream().map(q -> q.sku() + ":" + q.quantity()).collect(Collectors.joining(","));
  }

  @Override
  public List<SkuQuantity> convertToEntityAttribute(String column) {
    if (column == null || column.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(column.split(","))
        .map(
            part -> {
              int colon = part.lastIndexOf(':');
              return new SkuQuantity(
                  part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)));
            })
        .toList();
  }
}
