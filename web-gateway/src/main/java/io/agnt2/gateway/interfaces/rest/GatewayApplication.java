package io.agnt2.gateway.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "agnt2")
@OpenAPIDefinition(info = @Info(title = "AGNT2 gateway", version = "1",
        description = "Signed agent interactions in; blocks, agents and L1 settlement out. Errors are RFC 9457 problem JSON."),
        security = @SecurityRequirement(name = "keycloak"))
@SecurityScheme(securitySchemeName = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A Keycloak access token (client credentials) carrying the organization claim")
public class GatewayApplication extends Application {
}
