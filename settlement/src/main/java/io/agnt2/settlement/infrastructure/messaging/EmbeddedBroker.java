package io.agnt2.settlement.infrastructure.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * The Artemis broker of the embedded default profile, in this server's JVM. The server's JMS
 * resources reach it over loopback like any external broker, so switching to a standalone broker
 * is a configuration change only. Off unless {@code agnt2.artemis.embedded} is true.
 */
@Singleton
@Startup
public class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());

    @Inject
    @ConfigProperty(name = "agnt2.artemis.embedded", defaultValue = "false")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "agnt2.artemis.port", defaultValue = "61616")
    int port;
    @Inject
    @ConfigProperty(name = "agnt2.artemis.data-dir", defaultValue = "artemis")
    String dataDir;

    private EmbeddedActiveMQ broker;

    @PostConstruct
    void start() {
        if (!enabled) {
            return;
        }
        try {
            Path data = Path.of(dataDir).toAbsolutePath();
            Configuration configuration = new ConfigurationImpl()
                    .setPersistenceEnabled(true)
                    .setSecurityEnabled(false)
                    .setJournalDirectory(data.resolve("journal").toString())
                    .setBindingsDirectory(data.resolve("bindings").toString())
                    .setLargeMessagesDirectory(data.resolve("large").toString())
                    .setPagingDirectory(data.resolve("paging").toString())
                    .addAcceptorConfiguration("core", "tcp://127.0.0.1:" + port + "?protocols=CORE");
            broker = new EmbeddedActiveMQ().setConfiguration(configuration);
            broker.start();
            LOG.info("embedded Artemis broker listening on 127.0.0.1:" + port + ", data in " + data);
        } catch (Exception e) {
            throw new IllegalStateException("the embedded Artemis broker did not start on port " + port, e);
        }
    }

    @PreDestroy
    void stop() {
        if (broker != null) {
            try {
                broker.stop();
            } catch (Exception e) {
                LOG.warning("the embedded Artemis broker did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
