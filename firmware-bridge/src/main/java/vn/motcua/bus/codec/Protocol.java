package vn.motcua.bus.codec;

/** Numbers of the counter-bus wire protocol, version 1 (hardware-docs/counter-bus.md). */
public final class Protocol {
    public static final int SOF = 0xA5;
    public static final int REPLY_BIT = 0x80;
    public static final int MIN_ADDRESS = 1;
    public static final int MAX_ADDRESS = 32;
    public static final int MAX_PAYLOAD = 24;
    public static final int HEADER_LENGTH = 5;
    public static final int MAX_FRAME = HEADER_LENGTH + MAX_PAYLOAD + 2;

    public static final int TYPE_POLL = 0x01;
    public static final int TYPE_SHOW = 0x02;
    public static final int TYPE_CLEAR = 0x03;
    public static final int TYPE_STATUS = 0x81;

    public static final int FLAG_DISPLAY_UNSET = 0x01;
    public static final int FLAG_OVERFLOW = 0x02;
    public static final int FLAG_REJECTED = 0x04;

    public static final int COUNTER_BLANK = 0xFF;
    public static final int MAX_EVENTS_PER_STATUS = 4;

    private Protocol() {}
}
