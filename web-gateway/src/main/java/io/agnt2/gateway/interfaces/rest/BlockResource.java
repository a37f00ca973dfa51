package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.interfaces.problem.ProblemException;
import io.agnt2.sequencer.infrastructure.persistence.BlockEntity;
import io.agnt2.sequencer.infrastructure.persistence.BlockStore;
import io.agnt2.sequencer.infrastructure.persistence.InteractionEntity;
import io.agnt2.sequencer.infrastructure.persistence.InteractionStore;
import io.agnt2.settlement.infrastructure.persistence.BatchStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/blocks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BlockResource {

    @Inject
    BlockStore blocks;
    @Inject
    InteractionStore interactions;
    @Inject
    BatchStore batches;

    @GET
    @Path("/latest")
    @Operation(summary = "The newest block")
    public Views.BlockView latest() {
        long last = blocks.lastNumber();
        if (last == 0) {
            throw ProblemException.notFound("no block yet;");
        }
        return view(last);
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "A block, its interactions and its settlement on L1")
    public Views.BlockView find(@PathParam("number") String number) {
        long parsed;
        try {
            parsed = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-block-number", "Invalid block number",
                    "a block number is a whole number from 1");
        }
        return view(parsed);
    }

    private Views.BlockView view(long number) {
        BlockEntity block = blocks.find(number).orElseThrow(() -> ProblemException.notFound("block " + number));
        Views.SettlementView settlement = batches.find(number)
                .map(batch -> new Views.SettlementView("SETTLED", batch.l1TxHash(), batch.l1BlockNumber(), batch.gasUsed()))
                .orElse(new Views.SettlementView("PENDING", null, null, null));
        return new Views.BlockView(block.number(), block.stateRoot(), block.dataHash(), block.interactionCount(),
                block.closedAt().toString(),
                interactions.inBlock(number).stream().map(InteractionEntity::hash).toList(), settlement);
    }
}
