package io.agnt2.protocol.interaction;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.value.Nonce;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.StructuredDataEncoder;

import java.util.List;
import java.util.Map;

import static io.agnt2.protocol.interaction.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Our hand-written EIP-712 hashing against web3j's JSON-driven StructuredDataEncoder. */
class Eip712DigestTest {

    @Test
    void typeDefinitions() {
        assertEquals("Transfer(address from,address to,uint256 amount,uint64 nonce)", Transfer.TYPE_DEFINITION);
        assertEquals("Register(address agent,string organization,string metadataUri,uint64 nonce)",
                Register.TYPE_DEFINITION);
        assertSame(Transfer.TYPE, Kind.TRANSFER.eip712Type());
    }

    @Test
    void transferDigestEqualsWeb3j() throws Exception {
        assertDigestEqualsWeb3j(transfer("1000000000000000000", 1));
        assertDigestEqualsWeb3j(transfer("0", 0));
        assertDigestEqualsWeb3j(transfer(io.agnt2.protocol.value.Wei.MAX.toString(), Long.MAX_VALUE));
    }

    @Test
    void registerDigestEqualsWeb3j() throws Exception {
        assertDigestEqualsWeb3j(register());
        assertDigestEqualsWeb3j(new Register(ALICE.address(), "Acme Ünïcode 株式会社", "", Nonce.of(7)));
    }

    @Test
    void domainSeparatorEqualsWeb3j() throws Exception {
        assertArrayEquals(web3j(register()).hashDomain(), DOMAIN.separator());
    }

    @Test
    void signedInteractionRecoversItsSigner() {
        SignedInteraction signed = signedTransfer("5", 1);
        assertEquals(ALICE.address(), signed.recoverSigner(DOMAIN));
        assertTrue(signed.isSignedBySigner(DOMAIN));
        assertTrue(signedRegister().isSignedBySigner(DOMAIN));
    }

    @Test
    void signatureDoesNotCarryOverToAnotherDomainOrInteraction() {
        SignedInteraction signed = signedTransfer("5", 1);
        var otherChain = io.agnt2.protocol.eip712.Eip712Domain.agnt2(1, DOMAIN.verifyingContract());
        assertFalse(signed.isSignedBySigner(otherChain));
        assertFalse(new SignedInteraction(transfer("6", 1), signed.signature()).isSignedBySigner(DOMAIN));
    }

    @Test
    void onlyTheSignersKeyMaySign() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> SignedInteraction.sign(transfer("5", 1), BOB, DOMAIN)).getMessage();
        assertTrue(message.contains("cannot sign"), message);
    }

    @Test
    void domainDocumentHasTheWalletShape() {
        Map<String, Object> document = Eip712Types.document(DOMAIN);
        assertEquals(Map.of("name", "AGNT2", "version", "1", "chainId", 31337L,
                "verifyingContract", "0x5FbDB2315678afecb367f032d93F642f64180aa3"), document.get("domain"));
        assertEquals(List.of("Register", "Transfer", "Capability", "Invoke", "Respond", "Compose", "Rate",
                "SessionOpen", "SessionClose", "Deposit", "Withdraw", "ChannelOpen", "ChannelClose"),
                document.get("primaryTypes"));
        @SuppressWarnings("unchecked")
        Map<String, Object> types = (Map<String, Object>) document.get("types");
        assertEquals(List.of("EIP712Domain", "Register", "Transfer", "Capability", "Invoke", "Respond", "Compose",
                "Rate", "SessionOpen", "SessionClose", "Deposit", "Withdraw", "ChannelOpen", "ChannelClose"),
                List.copyOf(types.keySet()));
        assertEquals(List.of(Map.of("name", "from", "type", "address"), Map.of("name", "to", "type", "address"),
                Map.of("name", "amount", "type", "uint256"), Map.of("name", "nonce", "type", "uint64")),
                types.get("Transfer"));
        assertEquals(List.of("Transfer"), List.copyOf(Eip712Types.typesFor(Kind.TRANSFER).keySet()));
    }

    private static void assertDigestEqualsWeb3j(Interaction interaction) throws Exception {
        byte[] ours = SignedInteraction.digest(interaction, DOMAIN);
        assertEquals(Hex.encode(web3j(interaction).hashStructuredData()), Hex.encode(ours), interaction.toString());
    }

    private static StructuredDataEncoder web3j(Interaction interaction) throws Exception {
        String json = StructuredDataEncoder.mapper.writeValueAsString(Eip712Types.typedData(interaction, DOMAIN));
        return new StructuredDataEncoder(json);
    }
}
