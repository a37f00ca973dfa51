package io.agnt2.gateway.interfaces.health;

import io.agnt2.settlement.application.RollupContract;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the rollup contract on L1 answers. */
@Readiness
@ApplicationScoped
public class SettlementHealth implements HealthCheck {

    @EJB
    RollupContract rollup;

    @Override
    public HealthCheckResponse call() {
        try {
            long lastBlock = rollup.client().lastBlock();
            return HealthCheckResponse.named("l1-rollup").up().withData("contract", rollup.address())
                    .withData("lastSettledBlock", lastBlock).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("l1-rollup").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
