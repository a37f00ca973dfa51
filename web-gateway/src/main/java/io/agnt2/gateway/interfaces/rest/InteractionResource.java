package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.application.Confirmations;
import io.agnt2.gateway.application.InteractionAdmission;
import io.agnt2.gateway.interfaces.problem.Problem;
import io.agnt2.gateway.interfaces.problem.ProblemException;
import io.agnt2.sequencer.application.Acceptance;
import io.agnt2.sequencer.application.InteractionSequencer;
import io.agnt2.sequencer.core.RecentInteraction;
import io.agnt2.sequencer.domain.Rejection;
import io.agnt2.sequencer.infrastructure.persistence.InteractionEntity;
import io.agnt2.sequencer.infrastructure.persistence.InteractionStore;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

@Path("/interactions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InteractionResource {

    /** Most items one batch may carry. */
    static final int MAX_BATCH = 1000;
    /** Longest a caller may wait for its block. */
    static final int MAX_WAIT_SECONDS = 30;

    @Inject
    InteractionAdmission admission;
    @Inject
    InteractionStore interactions;
    @Inject
    Confirmations confirmations;
    @EJB
    InteractionSequencer sequencer;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a signed interaction (EIP-712 typed data; see GET /domain for the types). "
            + "With wait=N the answer comes once its block committed (soft confirmation), or after N seconds.")
    public CompletionStage<Response> submit(JsonValue body,
                                            @Parameter(description = "seconds to wait for the block, 0-30")
                                            @QueryParam("wait") String wait) throws Rejection {
        int seconds = waitSeconds(wait);
        String hash = admission.admit(InteractionRequest.from(body));
        if (seconds == 0) {
            return CompletableFuture.completedFuture(Response.accepted(new Views.Accepted(hash, "PENDING")).build());
        }
        return view(hash, seconds).thenApply(view -> Response.status("INCLUDED".equals(view.status()) ? 200 : 202)
                .entity(view).build());
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit up to 1000 signed interactions in order. A malformed, wrongly signed or "
            + "wrong-chain item refuses the whole batch; otherwise each item is accepted or refused on its own.")
    public Views.BatchResult submitBatch(JsonValue body) {
        if (!(body instanceof JsonArray items)) {
            throw ProblemException.badRequest("invalid-batch", "Invalid batch", "a batch is a JSON array of interactions");
        }
        if (items.isEmpty() || items.size() > MAX_BATCH) {
            throw ProblemException.badRequest("invalid-batch", "Invalid batch",
                    "a batch holds 1 to " + MAX_BATCH + " interactions, this one " + items.size());
        }
        List<InteractionRequest> requests = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            requests.add(InteractionRequest.from(items.get(i), "item " + i + ": "));
        }
        List<Acceptance> outcomes = admission.admitAll(requests);
        List<Views.BatchItem> results = new ArrayList<>(outcomes.size());
        int accepted = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Acceptance outcome = outcomes.get(i);
            if (outcome.isAccepted()) {
                accepted++;
                results.add(new Views.BatchItem(i, outcome.hash(), "PENDING", null));
            } else {
                results.add(new Views.BatchItem(i, outcome.hash(), "REFUSED", Problem.of(outcome.rejection())));
            }
        }
        return new Views.BatchResult(accepted, outcomes.size() - accepted, results);
    }

    @GET
    @Path("/{hash}")
    @Operation(summary = "An accepted interaction and the block that includes it; with wait=N, "
            + "answers once it is in a block or after N seconds")
    public CompletionStage<Views.InteractionView> find(@PathParam("hash") String hash,
                                                       @QueryParam("wait") String wait) {
        if (!hash.matches("0x[0-9a-fA-F]{64}")) {
            throw ProblemException.badRequest("invalid-hash", "Invalid hash", "an interaction hash is 32 bytes of 0x-hex");
        }
        return view(hash.toLowerCase(), waitSeconds(wait));
    }

    /** The view now, or once its block commits when the caller waits and it is still pending. */
    private CompletionStage<Views.InteractionView> view(String hash, int waitSeconds) {
        CompletableFuture<Long> inclusion = waitSeconds > 0 ? confirmations.inclusionOf(hash) : null;
        Views.InteractionView now = current(hash);
        if (inclusion == null || !"PENDING".equals(now.status())) {
            if (inclusion != null) {
                confirmations.forget(hash, inclusion);
            }
            return CompletableFuture.completedFuture(now);
        }
        return inclusion.completeOnTimeout(null, waitSeconds, TimeUnit.SECONDS)
                .handle((block, failure) -> {
                    confirmations.forget(hash, inclusion);
                    return current(hash);
                });
    }

    /**
     * A recent interaction from the sequencer's memory (pending, or in one of the newest blocks, which
     * the database may not have yet); an older one from the database; else unknown.
     */
    private Views.InteractionView current(String hash) {
        Optional<RecentInteraction> recent = sequencer.recent(hash);
        if (recent.isPresent()) {
            RecentInteraction interaction = recent.get();
            boolean pending = interaction.status() == RecentInteraction.Status.PENDING;
            return new Views.InteractionView(hash, interaction.kind().name(), interaction.signer().toString(),
                    interaction.status().name(), pending ? null : interaction.blockNumber());
        }
        InteractionEntity stored = interactions.find(hash)
                .orElseThrow(() -> ProblemException.notFound("interaction " + hash));
        return new Views.InteractionView(stored.hash(), stored.kind(), stored.signer(), stored.status().name(),
                stored.blockNumber());
    }

    private static int waitSeconds(String wait) {
        if (wait == null || wait.isEmpty()) {
            return 0;
        }
        try {
            int seconds = Integer.parseInt(wait);
            if (seconds >= 0 && seconds <= MAX_WAIT_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the problem below
        }
        throw ProblemException.badRequest("invalid-wait", "Invalid wait",
                "wait is a whole number of seconds from 0 to " + MAX_WAIT_SECONDS);
    }
}
