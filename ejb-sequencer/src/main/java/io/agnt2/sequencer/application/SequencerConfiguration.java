package io.agnt2.sequencer.application;

import io.agnt2.protocol.value.Wei;
import io.agnt2.sequencer.domain.InteractionRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The rule set, built once from configuration. */
@ApplicationScoped
public class SequencerConfiguration {

    @Inject
    @ConfigProperty(name = "agnt2.registration-grant", defaultValue = "0")
    String registrationGrant;

    /** Dependent: the rules are an immutable value (and final, so no client proxy could wrap them). */
    @Produces
    InteractionRules rules() {
        return new InteractionRules(Wei.of(registrationGrant));
    }
}
