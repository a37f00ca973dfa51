package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.application.CallerOrganizations;
import io.agnt2.gateway.interfaces.problem.Problem;
import io.agnt2.gateway.interfaces.problem.ProblemException;
import io.agnt2.sequencer.domain.Rejection;
import io.agnt2.settlement.channel.ChannelService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Set;

/** Agents whose keys this server keeps, so they can take part in channels through the gateway. */
@Path("/channel-agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChannelAgentResource {

    @Inject
    ChannelService channels;
    @Inject
    CallerOrganizations caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an agent of your organisation whose key this server keeps (custody); it is "
            + "registered on the rollup and can open channels. Body: {\"organization\"} when your token has several.")
    public Response create(JsonValue body) throws Rejection {
        String organization = organization(body == null ? JsonValue.EMPTY_JSON_OBJECT : body);
        String address = channels.createAgent(organization).toString();
        return Response.status(201).entity(new ChannelViews.HostedAgent(address, organization)).build();
    }

    private String organization(JsonValue body) {
        Set<String> mine = caller.names();
        JsonFields fields = JsonFields.of(body);
        if (fields.has("organization")) {
            String asked = fields.text("organization");
            if (!mine.contains(asked)) {
                throw new ProblemException(Problem.of("foreign-organization", "Not your organisation", 403,
                        "the token does not carry organisation '" + asked + "'"));
            }
            return asked;
        }
        if (mine.size() != 1) {
            throw new ProblemException(Problem.of(mine.isEmpty() ? "no-organization" : "ambiguous-organization",
                    "Which organisation?", mine.isEmpty() ? 403 : 400,
                    mine.isEmpty() ? "the token carries no organization claim; ask for the 'organization' scope"
                            : "the token carries several organisations: name one in 'organization'"));
        }
        return mine.iterator().next();
    }
}
