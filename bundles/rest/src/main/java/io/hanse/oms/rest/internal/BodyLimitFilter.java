package io.hanse.oms.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

/**
 * Refuses request bodies larger than the configured limit before anything parses them, whether they
 * announce their length or arrive chunked.
 */
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {
  private final long maxBytes;

  /** Thrown while reading a body that turns out too large. */
  public static class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long max) {
      super("request body larger than " + max + " bytes");
    }
  }

  public BodyLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > maxBytes) {
      request.abortWith(
          Problem.response(
              413,
              "payload-too-large",
              "Payload too large",
              "request body larger than " + maxBytes + " bytes"));
      return;
    }
    if (request.getMediaType() == null && request.getLength() <= 0) {
      // "curl -X POST .../cancel" sends no body and no type: read it as an empty JSON body.
      request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
    }
    request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
  }

  private static final class Limited extends FilterInputStream {
    private final long max;
    private long count;

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) throws TooLarge {
      count += n;
      if (count > max) {
        throw new TooLarge(max);
      }
    }
  }
}
