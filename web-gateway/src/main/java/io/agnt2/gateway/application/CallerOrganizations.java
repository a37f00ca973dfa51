package io.agnt2.gateway.application;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The organisations the caller's Keycloak token says it belongs to. Keycloak writes the claim as a
 * list of names, or as an object keyed by name when the mapper adds attributes; both are read, as
 * JSON-P values or as the plain collections Liberty may hand out.
 */
@RequestScoped
public class CallerOrganizations {

    static final String CLAIM = "organization";

    @Inject
    JsonWebToken token;

    public Set<String> names() {
        Object claim = token.getClaim(CLAIM);
        return switch (claim) {
            case JsonArray array -> array.stream().map(CallerOrganizations::name).collect(Collectors.toUnmodifiableSet());
            case JsonObject object -> Set.copyOf(object.keySet());
            case Collection<?> list -> list.stream().map(CallerOrganizations::name).collect(Collectors.toUnmodifiableSet());
            case Map<?, ?> byName -> byName.keySet().stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
            case String single -> Set.of(single);
            case null, default -> Set.of();
        };
    }

    private static String name(Object element) {
        return element instanceof JsonString string ? string.getString() : String.valueOf(element);
    }
}
