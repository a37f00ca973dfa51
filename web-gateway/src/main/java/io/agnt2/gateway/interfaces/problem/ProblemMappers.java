package io.agnt2.gateway.interfaces.problem;

import io.agnt2.sequencer.domain.Rejection;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every way a request can fail ends as problem JSON; none shows a stack trace. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException exception) {
            return exception.problem().toResponse();
        }
    }

    @Provider
    public static class RejectionMapper implements ExceptionMapper<Rejection> {
        @Override
        public Response toResponse(Rejection rejection) {
            return Problem.of(rejection).toResponse();
        }
    }

    /** What JAX-RS itself refuses: unknown paths, wrong methods, unreadable bodies, unsupported media. */
    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException exception) {
            int status = exception.getResponse().getStatus();
            if (status >= 500) {
                return UnexpectedExceptionMapper.unexpected(exception);
            }
            Response.Status known = Response.Status.fromStatusCode(status);
            String title = known != null ? known.getReasonPhrase() : "Request refused";
            String slug = title.toLowerCase().replace(' ', '-');
            String detail = status == 400 ? "the request could not be read: check that the body is valid JSON"
                    : title;
            return Problem.of(slug, title, status, detail).toResponse();
        }
    }

    /** A body that is not JSON at all. */
    @Provider
    public static class MalformedJsonMapper implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException exception) {
            return Problem.of("bad-request", "Bad Request", 400, "the body is not valid JSON").toResponse();
        }
    }

    /** A business exception wrapped by the EJB container on its way out. */
    @Provider
    public static class EjbExceptionMapper implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException exception) {
            return UnexpectedExceptionMapper.unexpected(exception);
        }
    }

    /** A bug or an outage: logged with an id the caller can quote, nothing internal in the answer. */
    @Provider
    public static class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

        @Override
        public Response toResponse(Throwable exception) {
            return unexpected(exception);
        }

        static Response unexpected(Throwable exception) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "incident " + incident, exception);
            return Problem.of("unavailable", "Service unavailable", 503,
                    "the request could not be completed; quote incident " + incident).toResponse();
        }
    }
}
