package io.hanse.oms.soap.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/** Refuses requests larger than the configured size with HTTP 413, before they are parsed. */
final class BodyLimitInterceptor extends AbstractPhaseInterceptor<Message> {
  private static final int PAYLOAD_TOO_LARGE = 413;
  private final long maxBytes;

  BodyLimitInterceptor(long maxBytes) {
    super(Phase.RECEIVE);
    this.maxBytes = maxBytes;
  }

  @Override
  public void handleMessage(Message message) {
    if (declaredLength(message) > maxBytes) {
      throw tooLarge();
    }
    InputStream body = message.getContent(InputStream.class);
    if (body != null) {
      message.setContent(InputStream.class, new Limited(body));
    }
  }

  private static long declaredLength(Message message) {
    Object headers = message.get(Message.PROTOCOL_HEADERS);
    if (headers instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if ("content-length".equalsIgnoreCase(String.valueOf(e.getKey()))
            && e.getValue() instanceof List<?> values
            && !values.isEmpty()) {
          try {
            return Long.parseLong(String.valueOf(values.get(0)).trim());
          } catch (NumberFormatException ignored) {
            return -1; // the stream count below still applies
          }
        }
      }
    }
    return -1;
  }

  private Fault tooLarge() {
    Fault fault =
        new Fault(new IllegalArgumentException("request body over " + maxBytes + " bytes"));
    fault.setStatusCode(PAYLOAD_TOO_LARGE);
    return fault;
  }

  /** Counts what is read, for bodies sent without a length. */
  private final class Limited extends FilterInputStream {
    private long read;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > maxBytes) {
        throw new IOException("request body over " + maxBytes + " bytes", tooLarge());
      }
    }
  }
}
