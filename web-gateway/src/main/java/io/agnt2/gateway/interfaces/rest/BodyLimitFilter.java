package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.interfaces.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses bodies over the limit, declared or streamed, before anything reads them whole. */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "agnt2.gateway.max-body-bytes", defaultValue = "65536")
    int maxBytes;
    @Inject
    @ConfigProperty(name = "agnt2.gateway.max-batch-bytes", defaultValue = "1048576")
    int maxBatchBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        int limit = request.getUriInfo().getPath().endsWith("/batch") ? maxBatchBytes : maxBytes;
        if (request.getLength() > limit) {
            request.abortWith(tooLarge(limit));
            return;
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream(), limit));
    }

    private static jakarta.ws.rs.core.Response tooLarge(int maxBytes) {
        return Problem.of("body-too-large", "Body too large", 413, "the body is over " + maxBytes + " bytes")
                .toResponse();
    }

    /** Fails the read once more than the limit has come in, for bodies sent without a length. */
    private static final class LimitedStream extends FilterInputStream {
        private final int limit;
        private long remaining;

        LimitedStream(InputStream in, int limit) {
            super(in);
            this.limit = limit;
            this.remaining = limit;
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

        private void count(int n) {
            remaining -= n;
            if (remaining < 0) {
                throw new jakarta.ws.rs.WebApplicationException(tooLarge(limit));
            }
        }
    }
}
