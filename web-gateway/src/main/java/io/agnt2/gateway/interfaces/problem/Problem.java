package io.agnt2.gateway.interfaces.problem;

import io.agnt2.sequencer.domain.Rejection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem. The {@code type} is stable per failure and is what clients branch on; the
 * title and detail are for people.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:agnt2:problem:";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail);
    }

    /** A refusal by the sequencer: a conflict with the current state, not a malformed request. */
    public static Problem of(Rejection rejection) {
        int status = switch (rejection.category()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
        };
        return of(rejection.code(), rejection.title(), status, rejection.getMessage());
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
