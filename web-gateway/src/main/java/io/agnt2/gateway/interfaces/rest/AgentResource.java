package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.interfaces.problem.ProblemException;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.sequencer.application.InteractionSequencer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    @EJB
    InteractionSequencer sequencer;

    @GET
    @Path("/{address}")
    @Operation(summary = "An agent's record as of the newest block: identity, balance, nonce, reputation "
            + "(ratings, cooperative channel closes, lost channel disputes) and its open state channels")
    public Views.AgentView find(@PathParam("address") String address) {
        AgentAddress parsed;
        try {
            parsed = AgentAddress.of(address);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-address", "Invalid address", e.getMessage());
        }
        AgentRecord record = sequencer.agent(parsed).orElseThrow(() -> ProblemException.notFound("agent " + parsed));
        return Views.AgentView.of(record);
    }
}
