package ca.ptm.nocturne.operations.crash;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled samples made large enough for a kill to land in every stage: more Place des Arts requests, and a
 * Gazelle export of a few thousand clients, pianos and timeline entries (invented values).
 */
public final class ScaledSamples {

    private ScaledSamples() {
    }

    public static void write(Path inbox, Path exports) throws IOException {
        try (Writer out = Files.newBufferedWriter(inbox.resolve("pda-volume.csv"), StandardCharsets.UTF_8)) {
            out.write("Date de la demande,Date du RDV,Salle,Pour qui,Diapason,Demandeur,Piano,Heure,Qui le fait,Statut\n");
            for (int i = 0; i < 1500; i++) {
                out.write(String.format("2025-%02d-%02d,2025-%02d-%02d,%s,Spectacle démo %d,442,QA,Steinway D,%dh,Nick,PENDING%n",
                        1 + i % 12, 1 + i % 27, 1 + i % 12, 2 + i % 27, i % 2 == 0 ? "MS" : "TM", i, 8 + i % 12));
            }
        }
        try (Writer out = Files.newBufferedWriter(exports.resolve("clients.csv"), StandardCharsets.UTF_8)) {
            out.write("Client ID,Status,Company Name,Default Contact First Name,Default Contact Last Name,Default Contact Default City,"
                    + "Default Contact Default Postal Code,Default Contact Default Email,Default Contact Default Phone,Client Type,Locale,"
                    + "Created,Updated\n");
            for (int i = 0; i < 3000; i++) {
                out.write(String.format("cli_S%010d,ACTIVE,Client démo %d,Prénom,Nom,Montréal,H0H 0H0,,,Résidentiel,fr_CA,"
                        + "2019-04-02T13:10:00Z,2025-05-30T12:00:00Z%n", i, i));
            }
        }
        try (Writer out = Files.newBufferedWriter(exports.resolve("pianos.csv"), StandardCharsets.UTF_8)) {
            out.write("Piano ID,Client ID,Type,Make,Model,Serial Number,Location,Year,Piano Status,Tuning Interval (mo),"
                    + "Last Tuned,Dampp Chaser Installed,Tags\n");
            for (int i = 0; i < 1500; i++) {
                out.write(String.format("ins_S%010d,cli_S%010d,grand,Steinway,D,%d,MS,2004,ACTIVE,6,2025-10-01,false,%n", i, i, 500000 + i));
            }
        }
        try (Writer out = Files.newBufferedWriter(exports.resolve("timeline.csv"), StandardCharsets.UTF_8)) {
            out.write("Client ID,Type,Timestamp,Comment,System Message,Piano Token,Piano Type,Piano Make,Piano Model,"
                    + "Piano Serial Number,Piano Location,Piano Year,Created By\n");
            for (int i = 0; i < 8000; i++) {
                out.write(String.format("cli_S%010d,Service,2025-%02d-%02d %02d:%02d:00 UTC,\"Accord n° %d, 21°, 36%%\",,"
                        + "ins_S%010d,grand,Steinway,D,%d,MS,2004,Nicolas X%n", i % 3000, 1 + i % 12, 1 + i % 28, i % 24, i % 60,
                        i, i % 1500, 500000 + i % 1500));
            }
        }
    }
}
