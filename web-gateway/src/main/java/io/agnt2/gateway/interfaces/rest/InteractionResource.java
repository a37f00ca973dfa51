package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.application.InteractionAdmission;
import io.agnt2.gateway.interfaces.problem.ProblemException;
import io.agnt2.sequencer.domain.Rejection;
import io.agnt2.sequencer.infrastructure.persistence.InteractionEntity;
import io.agnt2.sequencer.infrastructure.persistence.InteractionStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/interactions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InteractionResource {

    @Inject
    InteractionAdmission admission;
    @Inject
    InteractionStore interactions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a signed interaction (EIP-712 typed data; see GET /domain for the types)")
    public Response submit(JsonValue body) throws Rejection {
        String hash = admission.admit(InteractionRequest.from(body));
        return Response.accepted(new Views.Accepted(hash, "PENDING")).build();
    }

    @GET
    @Path("/{hash}")
    @Operation(summary = "An accepted interaction and the block that includes it")
    public Views.InteractionView find(@PathParam("hash") String hash) {
        if (!hash.matches("0x[0-9a-fA-F]{64}")) {
            throw ProblemException.badRequest("invalid-hash", "Invalid hash", "an interaction hash is 32 bytes of 0x-hex");
        }
        InteractionEntity interaction = interactions.find(hash.toLowerCase())
                .orElseThrow(() -> ProblemException.notFound("interaction " + hash));
        return new Views.InteractionView(interaction.hash(), interaction.kind(), interaction.signer(),
                interaction.status().name(), interaction.blockNumber(), interaction.acceptedAt().toString());
    }
}
