package io.hanse.oms.rest.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import io.hanse.oms.api.payment.Tender;
import java.io.IOException;
import java.math.BigDecimal;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * JSON as the API speaks it: money amounts as decimal strings, times as ISO-8601, nulls left out,
 * unknown fields refused so that a misspelt field is an error and not silently ignored.
 */
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider extends JacksonJsonProvider {

  public JsonProvider() {
    super(mapper());
  }

  static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setDefaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    // tenders as the API names them: "card", "giftcard", "check", "account"
    SimpleModule tenders = new SimpleModule("hanse-tenders");
    tenders.addSerializer(
        Tender.class,
        new StdSerializer<>(Tender.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public void serialize(Tender t, JsonGenerator json, SerializerProvider p)
              throws IOException {
            json.writeString(t.code());
          }
        });
    tenders.addDeserializer(
        Tender.class,
        new StdDeserializer<>(Tender.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public Tender deserialize(JsonParser json, DeserializationContext c) throws IOException {
            return Tender.of(json.getValueAsString());
          }
        });
    mapper.registerModule(tenders);
    mapper
        .configOverride(BigDecimal.class)
        .setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
    return mapper;
  }
}
