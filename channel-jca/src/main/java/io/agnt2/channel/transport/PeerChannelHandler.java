package io.agnt2.channel.transport;

import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.value.Bytes32;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;

import java.net.InetSocketAddress;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last stage of a link's pipeline: turns frames into messages for the {@link PeerListener}. Bytes
 * that are not a message, or anything that goes wrong below, get one REFUSE(MALFORMED) and the
 * connection closed: a peer that sends garbage is not trusted with the rest of the stream, and no
 * exception travels further.
 */
final class PeerChannelHandler extends SimpleChannelInboundHandler<ByteBuf> {

    private static final Logger LOG = Logger.getLogger(PeerChannelHandler.class.getName());
    private static final ChannelId NO_CHANNEL = new ChannelId(Bytes32.ZERO);

    /** Set on connections this node dialed: the endpoint it dialed, as it knows it. */
    static final AttributeKey<InetSocketAddress> DIALED = AttributeKey.valueOf("agnt2.channel.dialed");

    private final PeerListener listener;
    private PeerLink link;

    PeerChannelHandler(PeerListener listener) {
        this.listener = listener;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        link = new PeerLink(ctx.channel(), ctx.channel().attr(DIALED).get());
        if (ctx.pipeline().get(SslHandler.class) == null) {
            listener.connected(link);
        }
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.WRITER_IDLE) {
                ctx.writeAndFlush(ChannelMessage.Heartbeat.INSTANCE, ctx.voidPromise());
            } else if (idle.state() == IdleState.READER_IDLE) {
                LOG.info(() -> "closing " + link + ": nothing received, not even a heartbeat, for too long");
                ctx.close();
            }
            return;
        }
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                listener.connected(link);
            } else {
                LOG.fine(() -> "TLS handshake with " + ctx.channel().remoteAddress() + " failed: " + handshake.cause());
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        ChannelMessage message;
        try {
            message = ChannelMessageCodec.decode(frame);
        } catch (MalformedMessageException e) {
            LOG.fine(() -> "refusing bytes from " + ctx.channel().remoteAddress() + ": " + e.getMessage());
            if (e.closesLink()) {
                ctx.writeAndFlush(e.refusal()).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.writeAndFlush(e.refusal(), ctx.voidPromise());
            }
            return;
        }
        if (message instanceof ChannelMessage.Heartbeat) {
            return; // its arrival already reset the idle timer; the node has nothing to do
        }
        try {
            listener.received(link, message);
        } catch (RuntimeException bug) {
            // A listener bug must not look like the peer's fault, nor kill the link's other channels.
            LOG.log(Level.SEVERE, "handling " + message.getClass().getSimpleName() + " from " + link, bug);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (link != null) {
            listener.disconnected(link);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException || cause.getCause() instanceof TooLongFrameException) {
            refuseAndClose(ctx, "frame too long: " + cause.getMessage());
        } else {
            LOG.fine(() -> "closing " + link + ": " + cause);
            ctx.close();
        }
    }

    private void refuseAndClose(ChannelHandlerContext ctx, String why) {
        LOG.fine(() -> "malformed bytes from " + ctx.channel().remoteAddress() + ": " + why);
        ctx.writeAndFlush(new ChannelMessage.Refuse(NO_CHANNEL, 0, Bytes32.ZERO, ChannelMessageCodec.REFUSED_MALFORMED, why))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
