package io.agnt2.gateway.application;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The organisations the caller's Keycloak token says it belongs to. Keycloak writes the claim as a
 * list of names, or as an object keyed by name when the mapper adds attributes; both are read.
 */
@RequestScoped
public class CallerOrganizations {

    static final String CLAIM = "organization";

    @Inject
    JsonWebToken token;

    public Set<String> names() {
        Object claim = token.getClaim(CLAIM);
        return switch (claim) {
            case JsonArray array -> array.stream().filter(JsonString.class::isInstance)
                    .map(value -> ((JsonString) value).getString()).collect(Collectors.toUnmodifiableSet());
            case JsonObject object -> Set.copyOf(object.keySet());
            case Set<?> set -> set.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
            case String single -> Set.of(single);
            case JsonValue ignored -> Set.of();
            case null, default -> Set.of();
        };
    }
}
