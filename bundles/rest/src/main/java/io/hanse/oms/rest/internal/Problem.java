package io.hanse.oms.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** RFC 7807 problem details, the body of every error answer. */
public final class Problem {
  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://hanse-oms.io/problems/";

  private Problem() {}

  public static Response response(int status, String code, String title, String detail) {
    return response(status, code, title, detail, Map.of());
  }

  public static Response response(
      int status, String code, String title, String detail, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + code);
    body.put("title", title);
    body.put("status", status);
    if (detail != null) {
      body.put("detail", detail);
    }
    body.putAll(extra);
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(body).build();
  }
}
