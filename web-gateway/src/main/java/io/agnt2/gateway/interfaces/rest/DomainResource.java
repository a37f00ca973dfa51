package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.application.SigningDomain;
import io.agnt2.protocol.interaction.Eip712Types;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/** The EIP-712 domain and types, in the shape ethers, viem and eth_signTypedData_v4 take as they are. */
@Path("/domain")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DomainResource {

    @Inject
    SigningDomain signingDomain;

    @GET
    @Operation(summary = "The EIP-712 domain and the type of every interaction kind")
    public Map<String, Object> domain() {
        return Eip712Types.document(signingDomain.current());
    }
}
