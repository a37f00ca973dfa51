package io.agnt2.channel.node;

import io.agnt2.channel.transport.ChannelMessage;
import io.agnt2.channel.transport.ChannelMessageCodec;
import io.agnt2.channel.transport.MalformedMessageException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A peer written with a plain socket, to send what a real node never would and see the answers. */
final class RawPeer implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    /** Connects to a node and does the SYNC exchange a dialing node does (with no channels). */
    static RawPeer dial(InetSocketAddress node) throws IOException {
        RawPeer peer = new RawPeer(new Socket(node.getAddress(), node.getPort()));
        peer.send(new ChannelMessage.Sync(false, true, List.of()));
        ChannelMessage.Sync reply = assertInstanceOf(ChannelMessage.Sync.class, peer.receive());
        assertEquals(true, reply.reply());
        return peer;
    }

    /** Takes the next connection of a node that dials us, and answers its SYNC. */
    static RawPeer accept(ServerSocket listener) throws IOException {
        RawPeer peer = new RawPeer(listener.accept());
        ChannelMessage.Sync sync = assertInstanceOf(ChannelMessage.Sync.class, peer.receive());
        assertEquals(false, sync.reply());
        peer.send(new ChannelMessage.Sync(true, true, List.of()));
        return peer;
    }

    void send(ChannelMessage message) throws IOException {
        sendFrame(encode(message));
    }

    static byte[] encode(ChannelMessage message) {
        ByteBuf buffer = Unpooled.buffer();
        ChannelMessageCodec.encode(message, buffer);
        return ByteBufUtil.getBytes(buffer);
    }

    void sendFrame(byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    void sendLengthOnly(int length) throws IOException {
        out.writeInt(length);
        out.write(new byte[16]);
        out.flush();
    }

    /**
     * The next message other than DURABLE and HEARTBEAT (sent whenever a link is idle): a node sends
     * DURABLE from its journal's thread whenever a
     * counter-signed state reaches its disk, so it may fall between any two answers; {@link #durableNonce}
     * keeps the highest one seen.
     */
    ChannelMessage receive() throws IOException {
        while (true) {
            ChannelMessage message = receiveAny();
            if (message instanceof ChannelMessage.Durable durable) {
                durableNonce = Math.max(durableNonce, durable.nonce());
            } else if (!(message instanceof ChannelMessage.Heartbeat)) {
                return message;
            }
        }
    }

    /** The highest nonce a DURABLE has confirmed so far (-1: none), as far as {@link #receive} has read. */
    long durableNonce = -1;

    ChannelMessage receiveAny() throws IOException {
        int length = in.readInt();
        byte[] payload = new byte[length];
        in.readFully(payload);
        try {
            return ChannelMessageCodec.decode(Unpooled.wrappedBuffer(payload));
        } catch (MalformedMessageException e) {
            throw new IOException("the node sent bytes we cannot read: " + e.getMessage(), e);
        }
    }

    /** True when the node closed the connection. */
    boolean closedByPeer() throws IOException {
        try {
            return in.read() < 0;
        } catch (EOFException | java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
