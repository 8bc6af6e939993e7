package io.skein.journal.internal.importers;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes decoded as UTF-8, each malformed sequence replaced by U+FFFD and remembered with its byte
 * offset, so that a reader can go on past the damage and still say where it was. A U+FFFD written
 * in the file itself is text like any other and is not counted.
 *
 * @param text the decoded text
 * @param malformed the malformed sequences, in file order
 */
record Utf8Text(String text, List<Malformed> malformed) {

    /**
     * One malformed sequence.
     *
     * @param charIndex where its U+FFFD is in the text
     * @param byteOffset where it starts in the bytes, counted from 0
     */
    record Malformed(int charIndex, int byteOffset) {
    }

    static Utf8Text decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never gives more characters than bytes, and a replacement takes one character.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        List<Malformed> malformed = new ArrayList<>();
        for (CoderResult result = decoder.decode(in, out, true); result.isError();
                result = decoder.decode(in, out, true)) {
            malformed.add(new Malformed(out.position(), in.position()));
            out.put('\uFFFD');
            in.position(in.position() + result.length());
        }
        decoder.flush(out);
        return new Utf8Text(out.flip().toString(), List.copyOf(malformed));
    }

    /** The byte offset of the first malformed sequence in the whole text, or -1. */
    int firstBadByte() {
        return malformed.isEmpty() ? -1 : malformed.get(0).byteOffset();
    }

    /** The byte offset of the first malformed sequence among the characters {@code [from, to)}, or -1. */
    int firstBadByte(long from, long to) {
        for (Malformed bad : malformed) {
            if (bad.charIndex() >= from && bad.charIndex() < to) {
                return bad.byteOffset();
            }
        }
        return -1;
    }

    /** The line (from 1) that holds the byte at {@code offset}. */
    static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
