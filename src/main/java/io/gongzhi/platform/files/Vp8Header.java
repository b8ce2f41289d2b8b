package io.gongzhi.platform.files;

/**
 * The start of a lossy WebP key frame's first partition, read with VP8's boolean decoder
 * (RFC 6386 7.3 and 9.2 to 9.5) as far as the number of token partitions: that number is not at
 * a byte offset but inside the entropy-coded header, after the segment and loop-filter settings,
 * and {@link WebpStructure} needs it to check that the partitions the frame declares are there.
 */
public final class Vp8Header {

    /** Bytes read past the partition's end while filling the decoder's two-byte window do not yet mean it was short. */
    private static final int LOOK_AHEAD = 2;

    private final byte[] bytes;
    private final int end;
    private int next;
    private int past;
    private int value;
    private int range = 255;
    private int bitCount;

    Vp8Header(byte[] bytes, int from, int length) {
        this.bytes = bytes;
        this.end = from + length;
        this.next = from;
        this.value = nextByte() << 8 | nextByte();
    }

    /** How many DCT token partitions the frame has (1, 2, 4 or 8); meaningful only while not {@link #overrun()}. */
    int tokenPartitions() {
        bit(); // colour space
        bit(); // clamping
        if (bit()) { // segmentation
            boolean updateMap = bit();
            if (bit()) { // segment data
                bit(); // absolute or delta
                for (int s = 0; s < 4; s++) {
                    signed(7); // quantiser
                }
                for (int s = 0; s < 4; s++) {
                    signed(6); // loop filter level
                }
            }
            if (updateMap) {
                for (int p = 0; p < 3; p++) {
                    if (bit()) {
                        literal(8);
                    }
                }
            }
        }
        bit(); // filter type
        literal(6); // loop filter level
        literal(3); // sharpness
        if (bit() && bit()) { // loop filter deltas, updated
            for (int d = 0; d < 8; d++) {
                signed(6);
            }
        }
        return 1 << literal(2);
    }

    /** Whether the header needed more bytes than the partition has. */
    boolean overrun() {
        return past > LOOK_AHEAD;
    }

    /** An optional signed value: a flag, then the magnitude and its sign. */
    private void signed(int bits) {
        if (bit()) {
            literal(bits);
            bit();
        }
    }

    private int literal(int bits) {
        int v = 0;
        for (int n = 0; n < bits; n++) {
            v = v << 1 | (bit() ? 1 : 0);
        }
        return v;
    }

    /** One bit at probability 1/2, as RFC 6386's bool_decode. */
    private boolean bit() {
        int split = 1 + ((range - 1) * 128 >> 8);
        int bigSplit = split << 8;
        boolean one = value >= bigSplit;
        if (one) {
            range -= split;
            value -= bigSplit;
        } else {
            range = split;
        }
        while (range < 128) {
            value <<= 1;
            range <<= 1;
            if (++bitCount == 8) {
                bitCount = 0;
                value |= nextByte();
            }
        }
        return one;
    }

    private int nextByte() {
        if (next < end) {
            return bytes[next++] & 0xFF;
        }
        past++;
        return 0;
    }
}
