package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.interfaces.problem.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.function.Function;

/**
 * Reads the fields of a JSON request body, turning every missing, mistyped or unparsable field into a
 * 400 problem that names the field, so a bad body never reaches the domain.
 */
final class JsonFields {

    static final int MAX_TEXT = 512;

    private final JsonObject json;

    private JsonFields(JsonObject json) {
        this.json = json;
    }

    /** @throws ProblemException unless {@code body} is a JSON object */
    static JsonFields of(JsonValue body) {
        if (!(body instanceof JsonObject object)) {
            throw ProblemException.badRequest("invalid-body", "Invalid body", "the body must be a JSON object");
        }
        return new JsonFields(object);
    }

    JsonObject json() {
        return json;
    }

    String text(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            throw invalid(name, "is required");
        }
        if (!(value instanceof JsonString string)) {
            throw invalid(name, "must be a string");
        }
        if (string.getString().length() > MAX_TEXT) {
            throw invalid(name, "is longer than " + MAX_TEXT + " characters");
        }
        return string.getString();
    }

    String optionalText(String name) {
        return has(name) ? text(name) : "";
    }

    boolean has(String name) {
        return json.containsKey(name) && json.get(name) != JsonValue.NULL;
    }

    /** The text field {@code name} parsed by {@code parse}; {@code expected} says what it should have been. */
    <T> T parsed(String name, Function<String, T> parse, String expected) {
        String value = text(name);
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid(name, "must be " + expected + ": " + e.getMessage());
        }
    }

    static ProblemException invalid(String field, String why) {
        return ProblemException.badRequest("invalid-field", "Invalid field", "'" + field + "' " + why);
    }
}
