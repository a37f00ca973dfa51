package io.agnt2.channel.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a {@link ChannelMessage}'s bytes; the frame prepender in front of it adds the length. */
@ChannelHandler.Sharable
final class MessageEncoder extends MessageToByteEncoder<ChannelMessage> {

    static final MessageEncoder INSTANCE = new MessageEncoder();

    private MessageEncoder() {
        super(ChannelMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ChannelMessage message, ByteBuf out) {
        ChannelMessageCodec.encode(message, out);
    }
}
