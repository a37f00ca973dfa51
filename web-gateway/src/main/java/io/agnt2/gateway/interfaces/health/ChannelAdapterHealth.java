package io.agnt2.gateway.interfaces.health;

import io.agnt2.channel.api.ChannelConnection;
import io.agnt2.channel.api.ChannelConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the channel resource adapter hands out a connection through the server's pool. */
@Readiness
@ApplicationScoped
public class ChannelAdapterHealth implements HealthCheck {

    @Resource(lookup = "eis/agnt2/channels")
    ChannelConnectionFactory channels;

    @Override
    public HealthCheckResponse call() {
        try (ChannelConnection connection = channels.getConnection()) {
            return HealthCheckResponse.named("channel-adapter").up().withData("adapter", connection.adapterId()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("channel-adapter").down().withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
