package io.agnt2.protocol.eip712;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.agent.AgentAddress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class Eip712DomainTest {

    @Test
    void separatorMatchesTheEip712SpecificationExample() {
        Eip712Domain etherMail = new Eip712Domain("Ether Mail", "1", 1,
                AgentAddress.of("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"));
        assertEquals("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f",
                Hex.encode(etherMail.separator()));
    }

    @Test
    void domainTypeDefinition() {
        assertEquals("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)",
                Eip712Domain.TYPE.definition());
    }

    @Test
    void rejectsIncompleteDomains() {
        AgentAddress contract = AgentAddress.of(new byte[20]);
        assertThrows(IllegalArgumentException.class, () -> new Eip712Domain(null, "1", 1, contract));
        assertThrows(IllegalArgumentException.class, () -> new Eip712Domain("AGNT2", "1", 0, contract));
        assertThrows(IllegalArgumentException.class, () -> new Eip712Domain("AGNT2", "1", 1, null));
    }

    @Test
    void hasherRefusesFieldsOutOfOrderOrMissing() {
        assertThrows(IllegalStateException.class, () -> Eip712Domain.TYPE.hasher().uint256(1));
        assertThrows(IllegalStateException.class, () -> Eip712Domain.TYPE.hasher().string("AGNT2").hash());
    }
}
