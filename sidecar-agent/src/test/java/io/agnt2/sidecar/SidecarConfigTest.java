package io.agnt2.sidecar;

import io.agnt2.protocol.agent.AgentKey;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.*;

class SidecarConfigTest {

    @Test
    void readsArgumentsBeforePropertiesBeforeEnvironment() {
        Properties properties = new Properties();
        properties.setProperty(SidecarConfig.LISTEN_PORT, "9001");
        properties.setProperty(SidecarConfig.UPSTREAM, "http://127.0.0.1:1111");
        Map<String, String> environment = Map.of("AGNT2_SIDECAR_LISTEN_PORT", "9002",
                "AGNT2_SIDECAR_UPSTREAM", "http://127.0.0.1:2222", "AGNT2_SIDECAR_KEY", AgentKey.generate().privateKeyHex());
        AgentKey key = AgentKey.generate();
        SidecarConfig config = SidecarConfig.from(new Settings(
                new String[] {"--agnt2.sidecar.key=" + key.privateKeyHex()}, properties, environment));
        assertEquals(9001, config.listenPort());
        assertEquals("http://127.0.0.1:1111", config.upstream().toString());
        assertEquals(key.address(), config.key().address());
        assertFalse(config.keyGenerated());
    }

    @Test
    void defaultsThePortAndGeneratesAKey() {
        SidecarConfig config = SidecarConfig.from(new Settings(new String[0], new Properties(),
                Map.of("AGNT2_SIDECAR_UPSTREAM", "http://127.0.0.1:2222")));
        assertEquals(8090, config.listenPort());
        assertTrue(config.keyGenerated());
    }

    @Test
    void explainsMissingOrBadSettings() {
        String missing = assertThrows(IllegalArgumentException.class, () -> SidecarConfig.from(
                new Settings(new String[0], new Properties(), Map.of()))).getMessage();
        assertTrue(missing.contains("agnt2.sidecar.upstream is not set") && missing.contains("AGNT2_SIDECAR_UPSTREAM"), missing);
        assertThrows(IllegalArgumentException.class, () -> SidecarConfig.from(new Settings(
                new String[] {"--agnt2.sidecar.upstream=ftp://x", }, new Properties(), Map.of())));
        assertThrows(IllegalArgumentException.class, () -> SidecarConfig.from(new Settings(
                new String[] {"--agnt2.sidecar.upstream=http://x", "--agnt2.sidecar.listen-port=eighty"},
                new Properties(), Map.of())));
        assertThrows(IllegalArgumentException.class, () -> SidecarConfig.from(new Settings(
                new String[] {"--agnt2.sidecar.upstream=http://x", "--agnt2.sidecar.key=0x1234"},
                new Properties(), Map.of())));
    }
}
