package ca.ptm.nocturne.gazelle.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The beginning of a file as text, to recognise its header: UTF-8 when it has a BOM or decodes as UTF-8, otherwise
 * Windows-1252, the rule of the full encoding check (which the reader of the file then applies to every byte).
 */
final class HeaderText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private HeaderText() {
    }

    static String decode(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new String(head, 3, head.length - 3, StandardCharsets.UTF_8);
        }
        try {
            // A multi-byte character cut by the end of the buffer is not an error: decode up to the last line break.
            int end = lastLineBreak(head);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(head, WINDOWS_1252);
        }
    }

    private static int lastLineBreak(byte[] head) {
        for (int i = head.length - 1; i >= 0; i--) {
            if (head[i] == '\n') {
                return i + 1;
            }
        }
        return head.length;
    }
}
