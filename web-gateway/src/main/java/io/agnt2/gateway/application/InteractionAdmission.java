package io.agnt2.gateway.application;

import io.agnt2.gateway.interfaces.problem.Problem;
import io.agnt2.gateway.interfaces.problem.ProblemException;
import io.agnt2.gateway.interfaces.rest.InteractionRequest;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.crypto.Secp256k1;
import io.agnt2.protocol.execution.PreparedInteraction;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.sequencer.application.Acceptance;
import io.agnt2.sequencer.application.InteractionSequencer;
import io.agnt2.sequencer.application.Submission;
import io.agnt2.sequencer.domain.Rejection;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The gateway's checks before the sequencer sees an interaction: the chain, the signature, the
 * caller's organisation. Nonce, balance and ownership are the sequencer's, against its head state.
 */
@ApplicationScoped
public class InteractionAdmission {

    @Inject
    SigningDomain signingDomain;
    @Inject
    CallerOrganizations caller;
    @EJB
    InteractionSequencer sequencer;

    /** @return the interaction's hash, once it is durably accepted */
    public String admit(InteractionRequest request) throws Rejection {
        Submission submission = checked(request, signingDomain.current(), "");
        sequencer.accept(submission, organizations());
        return submission.hash();
    }

    /**
     * Checks every request first: one that is not for this chain or not properly signed refuses the
     * whole batch, so nothing of it is accepted. The rest is up to the sequencer, item by item.
     */
    public List<Acceptance> admitAll(List<InteractionRequest> requests) {
        Eip712Domain domain = signingDomain.current();
        List<Submission> submissions = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            submissions.add(checked(requests.get(i), domain, "item " + i + ": "));
        }
        return sequencer.acceptAll(submissions, organizations());
    }

    private static Submission checked(InteractionRequest request, Eip712Domain domain, String where) {
        if (request.chainId() != domain.chainId()) {
            throw ProblemException.badRequest("wrong-chain", "Wrong chain",
                    where + "signed for chain " + request.chainId() + ", this L2 is chain " + domain.chainId());
        }
        SignedInteraction signed = request.signed();
        // The digest once: the signature check, the hash and the sequencer's preparation all use it.
        PreparedInteraction prepared = PreparedInteraction.of(signed.interaction(), domain);
        if (!recoversToSigner(signed, prepared)) {
            throw new ProblemException(Problem.of("bad-signature", "Bad signature", 400,
                    where + "the signature does not recover to " + signed.interaction().signer()
                            + " for this interaction in domain " + domain.name() + " v" + domain.version()));
        }
        return Submission.prepared(signed, prepared);
    }

    /** {@link SignedInteraction#isSignedBySigner}, with the digest already computed. */
    private static boolean recoversToSigner(SignedInteraction signed, PreparedInteraction prepared) {
        try {
            return AgentAddress.of(Secp256k1.get().recover(prepared.digest().bytes(), signed.signature()))
                    .equals(signed.interaction().signer());
        } catch (IllegalArgumentException unrecoverable) {
            return false;
        }
    }

    private Set<String> organizations() {
        Set<String> organizations = caller.names();
        if (organizations.isEmpty()) {
            throw new ProblemException(Problem.of("no-organization", "No organisation", 403,
                    "the token carries no organization claim; ask for the 'organization' scope"));
        }
        return organizations;
    }
}
