package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.application.CallerOrganizations;
import io.agnt2.gateway.interfaces.problem.ProblemException;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.interaction.Eip712Types;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import io.agnt2.settlement.channel.ChannelOpening;
import io.agnt2.settlement.channel.ChannelService;
import io.agnt2.settlement.channel.ClosedChannel;
import io.agnt2.settlement.channel.OpenedChannel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;

/**
 * State channels of the caller's organisation: open (agree the first state with the counterparty's
 * node, then deposit on L1), pay, read, read the history, close cooperatively on L1. A channel of
 * another organisation's agent is "not found".
 */
@Path("/channels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

    /** Most history entries one answer carries. */
    static final int MAX_HISTORY = 1000;

    @Inject
    ChannelService channels;
    @Inject
    CallerOrganizations caller;

    @GET
    @Operation(summary = "The channels of your organisation's hosted agents")
    public ChannelViews.ChannelList list() {
        return new ChannelViews.ChannelList(channels.channels(organizations()).stream().map(ChannelViews::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a channel: {agent (yours, hosted here), counterparty, counterpartyEndpoint "
            + "(host:port of its channel node), deposit, counterpartyDeposit (wei, decimal strings)}. Both sign "
            + "the first state, then your agent opens the channel on L1 with its deposit.")
    public Response open(JsonValue body) {
        JsonFields fields = JsonFields.of(body);
        AgentAddress agent = fields.parsed("agent", AgentAddress::of, "an address");
        AgentAddress counterparty = fields.parsed("counterparty", AgentAddress::of, "an address");
        InetSocketAddress endpoint = fields.parsed("counterpartyEndpoint", ChannelResource::endpoint, "host:port");
        Wei deposit = fields.parsed("deposit", Wei::of, "an amount of wei");
        Wei counterpartyDeposit = fields.parsed("counterpartyDeposit", Wei::of, "an amount of wei");
        ChannelOpening opening;
        try {
            opening = new ChannelOpening(agent, counterparty, endpoint, deposit, counterpartyDeposit);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-channel-request", "Invalid channel request", e.getMessage());
        }
        OpenedChannel opened = channels.open(organizations(), opening);
        return Response.status(201)
                .entity(new ChannelViews.ChannelWithL1(ChannelViews.of(opened.channel()), ChannelViews.of(opened.l1())))
                .build();
    }

    @GET
    @Path("/domain")
    @Operation(summary = "The EIP-712 domain and type channel states are signed in (L1 chain, adjudicator): what a "
            + "counterparty's node or wallet signs with signTypedData")
    public Map<String, Object> domain() {
        return Eip712Types.document(channels.domain(), ChannelState.TYPE);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A channel and its newest co-signed state")
    public ChannelViews.Channel find(@PathParam("id") String id) {
        return ChannelViews.of(channels.channel(organizations(), channelId(id)));
    }

    @POST
    @Path("/{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay the counterparty {amount (wei), memo}. Answers once the counterparty co-signed and "
            + "both sides stored the new state; the payment's record commits with it or not at all.")
    public ChannelViews.Channel pay(@PathParam("id") String id, JsonValue body) {
        ChannelId channel = channelId(id);
        JsonFields fields = JsonFields.of(body);
        Wei amount = fields.parsed("amount", Wei::of, "an amount of wei");
        channels.pay(organizations(), channel, amount, fields.optionalText("memo"));
        return ChannelViews.of(channels.channel(organizations(), channel));
    }

    @POST
    @Path("/{id}/updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Co-sign a new application state {appStateHash (bytes32 hex)} with the counterparty, "
            + "moving no value (e.g. the hash of a service's answer). Answers once both sides stored it.")
    public ChannelViews.Channel update(@PathParam("id") String id, JsonValue body) {
        ChannelId channel = channelId(id);
        Bytes32 appStateHash = JsonFields.of(body).parsed("appStateHash", Bytes32::fromHex, "32 bytes of 0x-hex");
        return ChannelViews.of(channels.update(organizations(), channel, appStateHash));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every co-signed state of the channel (oldest first) and the payments made through the gateway")
    public ChannelViews.History history(@PathParam("id") String id) {
        ChannelId channel = channelId(id);
        Set<String> mine = organizations();
        return ChannelViews.of(channel.toString(), channels.states(mine, channel, MAX_HISTORY),
                channels.payments(mine, channel, MAX_HISTORY));
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "Close cooperatively: both sign the final state and L1 pays both sides at once")
    public ChannelViews.ChannelWithL1 close(@PathParam("id") String id) {
        ClosedChannel closed = channels.close(organizations(), channelId(id));
        return new ChannelViews.ChannelWithL1(ChannelViews.of(closed.channel()), ChannelViews.of(closed.l1()));
    }

    private Set<String> organizations() {
        return caller.names();
    }

    private static ChannelId channelId(String id) {
        try {
            return ChannelId.fromHex(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-channel-id", "Invalid channel id",
                    "a channel id is 32 bytes in hex (0x + 64 digits): " + e.getMessage());
        }
    }

    private static InetSocketAddress endpoint(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + hostPort + "'");
        }
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
        }
        return InetSocketAddress.createUnresolved(hostPort.substring(0, colon), port);
    }
}
