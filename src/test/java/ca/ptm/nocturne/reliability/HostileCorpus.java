package ca.ptm.nocturne.reliability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hostile legacy files: small ones are committed under src/test/resources/hostile/, the big and the binary
 * ones (and those that need a file system trick: a directory, a symlink, a name with a line break) are made here
 * at test time. Each comes with what the import must make of it.
 */
final class HostileCorpus {

    /** What the import must make of a hostile file. */
    enum Verdict {
        /** import_batch REFUSED with a message, one file-level import_reject with the code. */
        REFUSED,
        /** read; its bad lines in import_reject with their line numbers and the code. */
        REJECTED,
        /** read, every row written (the payload stored verbatim). */
        IMPORTED,
        /** a header and nothing under it: a batch of zero rows. */
        NO_DATA,
        /** mostly garbage: its step fails with the skip-limit message after keeping what was good. */
        SKIP_LIMIT,
        /** its last line has no line ending (a file still being written): not read, no batch, a warning. */
        HELD_BACK
    }

    @FunctionalInterface
    interface Maker {
        void make(Path target) throws IOException;
    }

    /**
     * @param fileName what the file is called in the inbox
     * @param code     the reject or refusal code expected (REFUSED, REJECTED, SKIP_LIMIT), else null
     * @param verbatim texts that must be found, unchanged, in a text column of product or pda_request
     * @param big      watch the heap while importing it
     * @param rejects  REJECTED and SKIP_LIMIT: every import_reject row of the file, "line CODE", in line order
     * @param rows     IMPORTED: the exact number of rows written
     */
    record Case(String id, String fileName, Maker maker, Verdict verdict, String code, List<String> verbatim, boolean big,
                List<String> rejects, int rows) {

        Case(String id, String fileName, Maker maker, Verdict verdict, String code, List<String> verbatim, boolean big) {
            this(id, fileName, maker, verdict, code, verbatim, big, List.of(), -1);
        }

        Case rejects(String... lineAndCode) {
            return new Case(id, fileName, maker, verdict, code, verbatim, big, List.of(lineAndCode), rows);
        }

        Case rejects(List<String> lineAndCode) {
            return new Case(id, fileName, maker, verdict, code, verbatim, big, List.copyOf(lineAndCode), rows);
        }

        Case rows(int written) {
            return new Case(id, fileName, maker, verdict, code, verbatim, big, rejects, written);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    static final String PRODUCTS_HEADER = "ProductId,Name,Sku,UnitCost,RetailPrice,Active,CreatedAt\r\n";
    static final String PDA_HEADER = "Date de la demande,Date du RDV,Salle,Pour qui,Piano,Heure,Facturation (175$),Stationnement,Statut,"
            + "Commentaire\r\n";
    static final int TEN_MB = 10 * 1024 * 1024;

    private HostileCorpus() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        // committed files
        cases.add(resource("empty.csv", Verdict.REFUSED, "EMPTY_FILE"));
        cases.add(resource("bom-only.csv", Verdict.HELD_BACK, null));
        cases.add(resource("whitespace-only.csv", Verdict.REFUSED, "EMPTY_FILE"));
        cases.add(resource("header-only.csv", Verdict.NO_DATA, null));
        cases.add(resource("html.csv", Verdict.REFUSED, "UNKNOWN_FORMAT"));
        cases.add(resource("json.csv", Verdict.REFUSED, "UNKNOWN_FORMAT"));
        cases.add(resource("only-quotes.csv", Verdict.REFUSED, "UNKNOWN_FORMAT"));
        cases.add(resource("only-delimiters.csv", Verdict.REFUSED, "UNKNOWN_FORMAT"));
        cases.add(resource("header-injection.csv", Verdict.REFUSED, "UNKNOWN_FORMAT"));
        cases.add(resource("header-two-kinds.csv", Verdict.REFUSED, "UNKNOWN_FORMAT"));
        cases.add(resource("latin1-undefined.csv", Verdict.REFUSED, "BAD_ENCODING"));
        cases.add(resource("mixed-encodings.csv", Verdict.REFUSED, "BAD_ENCODING"));
        cases.add(resource("unbalanced-quotes.csv", Verdict.REJECTED, "BAD_QUOTING", "Feutre correct").rejects("2 BAD_QUOTING"));
        cases.add(resource("quoted-field-over-200-lines.csv", Verdict.REJECTED, "BAD_QUOTING", "Feutre après")
                .rejects("2 BAD_QUOTING", "252 BAD_AMOUNT", "252 MISSING_REQUIRED"));
        cases.add(resource("trailing-garbage.csv", Verdict.REJECTED, "BAD_QUOTING", "Feutre ok").rejects("2 BAD_QUOTING"));
        cases.add(resource("bad-dates.csv", Verdict.REJECTED, "BAD_DATE").rejects("2 BAD_DATE", "3 BAD_DATE", "4 BAD_DATE",
                "5 BAD_DATE", "6 BAD_DATE", "7 BAD_DATE"));
        cases.add(resource("amounts.csv", Verdict.REJECTED, "BAD_AMOUNT").rejects("2 BAD_AMOUNT", "3 BAD_AMOUNT", "4 BAD_VALUE",
                "5 BAD_AMOUNT", "6 BAD_AMOUNT", "7 BAD_AMOUNT"));
        cases.add(resource("formula-payloads.csv", Verdict.IMPORTED, null, "=HYPERLINK(\"http://x\",\"clic\")", "-2+3", "+cmd",
                "@SUM(1+1)*cmd|' /C calc'!A0", "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "=1+1").rows(4));
        cases.add(resource("sql-injection.csv", Verdict.IMPORTED, null, "'; DROP TABLE pda_request; --",
                "Robert'); DROP TABLE product;--", "x' OR 1=1 --", "1; DELETE FROM import_batch; SELECT pg_sleep(30)").rows(2));
        cases.add(resource("path-traversal.csv", Verdict.IMPORTED, null, "../../../../etc/passwd", "/etc/shadow",
                "..\\..\\windows\\system32\\config", "file:///etc/hosts", "%2e%2e%2f%2e%2e%2fetc%2fpasswd").rows(2));
        cases.add(resource("bom-in-middle.csv", Verdict.IMPORTED, null, "Feutre BOM en tête").rows(2));
        cases.add(resource("cr-only.csv", Verdict.IMPORTED, null, "Feutre Mac", "Feutre Mac 2").rows(2));
        cases.add(resource("duplicate-headers.csv", Verdict.IMPORTED, null, "Premier nom").rows(1));
        cases.add(resource("emoji-rtl.csv", Verdict.IMPORTED, null, "Feutre 🎹🎶 👨‍👩‍👧", "مِطرقة بيانو", "פטיש \u202Egpj.exe").rows(3));
        cases.add(resource("control-chars.csv", Verdict.IMPORTED, null, "Feutre \u001B[31mrouge\u001B[0m \u0007 \u0008").rows(1));
        cases.add(resource("script-and-markup.csv", Verdict.IMPORTED, null, "<script>alert('x')</script>", "${jndi:ldap://x/a}").rows(2));
        cases.add(new Case("name-with-spaces-and-accents", "fournitures été (copie) n°2 – Montréal.csv",
                copy("accents-name.csv"), Verdict.IMPORTED, null, List.of("Feutre au nom de fichier accentué"), false).rows(1));

        // generated: binary content
        cases.add(generated("png-magic.csv", Verdict.REFUSED, "UNREADABLE_FILE", t -> Files.write(t,
                bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'))));
        cases.add(generated("zip-magic.csv", Verdict.REFUSED, "UNREADABLE_FILE", t -> Files.write(t,
                concat(bytes('P', 'K', 3, 4, 20, 0, 0, 0, 8, 0), "[Content_Types].xml".getBytes(StandardCharsets.US_ASCII)))));
        cases.add(generated("nul-bytes.csv", Verdict.REFUSED, "UNREADABLE_FILE", t -> Files.write(t,
                concat(PRODUCTS_HEADER.getBytes(StandardCharsets.UTF_8), bytes('9', '3', '0', 0, ',', 'N', 'u', 'l', 0, '\r', '\n')))));
        cases.add(generated("utf16le-bom.csv", Verdict.REFUSED, "BAD_ENCODING", t -> Files.write(t,
                concat(bytes(0xFF, 0xFE), (PRODUCTS_HEADER + "931,Feutre é,FEU-931,1,2,True,\r\n").getBytes(StandardCharsets.UTF_16LE)))));
        cases.add(generated("utf16be-bom.csv", Verdict.REFUSED, "BAD_ENCODING", t -> Files.write(t,
                (PRODUCTS_HEADER + "932,Feutre é,FEU-932,1,2,True,\r\n").getBytes(StandardCharsets.UTF_16))));
        cases.add(generated("utf16le-no-bom.csv", Verdict.REFUSED, "UNREADABLE_FILE", t -> Files.write(t,
                (PRODUCTS_HEADER + "933,Feutre é,FEU-933,1,2,True,\r\n").getBytes(StandardCharsets.UTF_16LE))));

        // generated: big
        cases.add(big("field-10mb.csv", Verdict.REJECTED, "BAD_VALUE", List.of("Feutre après le gros champ"), t -> {
            try (BufferedWriter out = Files.newBufferedWriter(t, StandardCharsets.UTF_8)) {
                out.write(PRODUCTS_HEADER);
                out.write("934,\"");
                writeRepeated(out, 'x', TEN_MB);
                out.write("\",FEU-934,1.00,2.00,True,\r\n");
                out.write("935,Feutre après le gros champ,FEU-935,1.00,2.00,True,\r\n");
            }
        }).rejects("2 BAD_VALUE"));
        cases.add(big("columns-100k-header.csv", Verdict.REFUSED, "UNKNOWN_FORMAT", List.of(), t -> {
            try (BufferedWriter out = Files.newBufferedWriter(t, StandardCharsets.UTF_8)) {
                for (int i = 0; i < 100_000; i++) {
                    out.write((i == 0 ? "" : ",") + "c" + i);
                }
                out.write("\r\n1,2,3\r\n");
            }
        }));
        cases.add(big("columns-100k-known-header.csv", Verdict.IMPORTED, null, List.of("Feutre large"), t -> {
            try (BufferedWriter out = Files.newBufferedWriter(t, StandardCharsets.UTF_8)) {
                out.write("ProductId,Name,Sku");
                for (int i = 3; i < 100_000; i++) {
                    out.write(",X" + i);
                }
                out.write("\r\n936,Feutre large,FEU-936\r\n");
            }
        }).rows(1));
        cases.add(big("columns-100k-row.csv", Verdict.REJECTED, "COLUMN_COUNT", List.of("Feutre étroit"), t -> {
            try (BufferedWriter out = Files.newBufferedWriter(t, StandardCharsets.UTF_8)) {
                out.write(PRODUCTS_HEADER);
                out.write("937,Feutre trop large,FEU-937");
                for (int i = 3; i < 100_000; i++) {
                    out.write(",v");
                }
                out.write("\r\n938,Feutre étroit,FEU-938,1.00,2.00,True,\r\n");
            }
        }).rejects("2 COLUMN_COUNT"));
        cases.add(generated("unknown-1000-columns.csv", Verdict.IMPORTED, null, List.of("Feutre aux 1000 colonnes"), t -> {
            StringBuilder text = new StringBuilder("ProductId,Name,Sku");
            for (int i = 0; i < 1000; i++) {
                text.append(",Inconnue").append(i);
            }
            text.append("\r\n939,Feutre aux 1000 colonnes,FEU-939\r\n");
            Files.writeString(t, text);
        }).rows(1));
        cases.add(big("long-lines.csv", Verdict.REJECTED, "BAD_VALUE", List.of("Feutre après les longues lignes"), t -> {
            try (BufferedWriter out = Files.newBufferedWriter(t, StandardCharsets.UTF_8)) {
                out.write(PRODUCTS_HEADER);
                for (int line = 0; line < 3; line++) {
                    out.write((940 + line) + ",Long");
                    writeRepeated(out, 'y', 1_500_000);
                    out.write(",FEU,1,2,True,\r\n");
                }
                out.write("943,Feutre après les longues lignes,FEU-943,1.00,2.00,True,\r\n");
            }
        }).rejects("2 BAD_VALUE", "3 BAD_VALUE", "4 BAD_VALUE"));
        cases.add(big("long-header-line.csv", Verdict.REFUSED, "UNKNOWN_FORMAT", List.of(), t -> {
            try (BufferedWriter out = Files.newBufferedWriter(t, StandardCharsets.UTF_8)) {
                out.write("ProductId,Name,");
                writeRepeated(out, 'z', 2_000_000);
                out.write("\r\n944,Feutre,FEU-944\r\n");
            }
        }));
        cases.add(generated("many-blank-lines.csv", Verdict.IMPORTED, null, List.of("Feutre après le vide"), t -> {
            Files.writeString(t, PRODUCTS_HEADER + "\r\n".repeat(100_000) + "945,Feutre après le vide,FEU-945,1.00,2.00,True,\r\n");
        }).rows(1));
        cases.add(generated("pda-mostly-garbage.csv", Verdict.SKIP_LIMIT, "BAD_DATE", List.of("Seule bonne ligne"), t -> {
            StringBuilder text = new StringBuilder(PDA_HEADER);
            text.append("2026-01-05,2026-01-26,MS,Seule bonne ligne,Steinway D,19h,,,PENDING,\r\n");
            for (int i = 0; i < 150; i++) {
                text.append("2026-01-05,n'importe quoi ").append(i).append(",MS,Ligne ").append(i).append(",Steinway D,19h,,,PENDING,\r\n");
            }
            Files.writeString(t, text);
        }).rejects(java.util.stream.IntStream.rangeClosed(3, 101).mapToObj(line -> line + " BAD_DATE").toList()));

        // generated: file system tricks
        cases.add(generated("directory.csv", Verdict.REFUSED, "UNREADABLE_FILE", Files::createDirectories));
        cases.add(generated("symlink-outside.csv", Verdict.REFUSED, "UNREADABLE_FILE",
                t -> Files.createSymbolicLink(t, Path.of("/etc/passwd"))));
        cases.add(new Case("name-with-shell-metacharacters", "$(touch pwned); rm -rf ~ `id` | tee.csv", copy("accents-name.csv"),
                Verdict.IMPORTED, null, List.of("Feutre au nom de fichier accentué"), false).rows(1));
        cases.add(new Case("name-with-a-line-break", "fournitures\nFAUX LOG ligne 2.csv", copy("accents-name.csv"),
                Verdict.IMPORTED, null, List.of("Feutre au nom de fichier accentué"), false).rows(1));
        cases.add(new Case("name-with-dots", "produits..copie...csv", copy("accents-name.csv"),
                Verdict.IMPORTED, null, List.of("Feutre au nom de fichier accentué"), false).rows(1));
        return cases;
    }

    private static Case resource(String name, Verdict verdict, String code, String... verbatim) {
        return new Case(name.replace(".csv", ""), name, copy(name), verdict, code, List.of(verbatim), false);
    }

    private static Case generated(String name, Verdict verdict, String code, Maker maker) {
        return new Case(name.replace(".csv", ""), name, maker, verdict, code, List.of(), false);
    }

    private static Case generated(String name, Verdict verdict, String code, List<String> verbatim, Maker maker) {
        return new Case(name.replace(".csv", ""), name, maker, verdict, code, verbatim, false);
    }

    private static Case big(String name, Verdict verdict, String code, List<String> verbatim, Maker maker) {
        return new Case(name.replace(".csv", ""), name, maker, verdict, code, verbatim, true);
    }

    private static Maker copy(String resource) {
        return target -> {
            try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile/" + resource)) {
                if (in == null) {
                    throw new IOException("Missing test resource hostile/" + resource);
                }
                Files.write(target, in.readAllBytes());
            }
        };
    }

    private static void writeRepeated(BufferedWriter out, char c, int count) throws IOException {
        char[] block = new char[8192];
        java.util.Arrays.fill(block, c);
        for (int left = count; left > 0; left -= block.length) {
            out.write(block, 0, Math.min(left, block.length));
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static void make(Case c, Path inbox) {
        try {
            c.maker().make(inbox.resolve(c.fileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
