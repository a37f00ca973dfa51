package io.agnt2.channel.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes a {@link ChannelMessage} as one frame: the 4-byte big-endian length, then the message's bytes,
 * in one buffer. (A separate {@code LengthFieldPrepender} would allocate a second buffer per message
 * for the four bytes and hand the socket two buffers per frame; every update crosses this twice.)
 */
@ChannelHandler.Sharable
final class MessageEncoder extends MessageToByteEncoder<ChannelMessage> {

    static final MessageEncoder INSTANCE = new MessageEncoder();
    static final int LENGTH_BYTES = 4;

    private MessageEncoder() {
        super(ChannelMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ChannelMessage message, ByteBuf out) {
        int lengthAt = out.writerIndex();
        out.writeInt(0); // patched once the message's size is known
        ChannelMessageCodec.encode(message, out);
        out.setInt(lengthAt, out.writerIndex() - lengthAt - LENGTH_BYTES);
    }
}
