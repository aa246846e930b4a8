package ca.ptm.nocturne.gazelle.source;

import ca.ptm.nocturne.gazelle.GazelleProperties;
import ca.ptm.nocturne.gazelle.api.GazelleApiSettings;
import ca.ptm.nocturne.gazelle.api.GazelleGraphQlClient;
import ca.ptm.nocturne.gazelle.api.JdbcTokenStore;
import ca.ptm.nocturne.gazelle.api.OAuthToken;
import ca.ptm.nocturne.gazelle.api.Sleeper;
import ca.ptm.nocturne.gazelle.exports.ClientExportMapper;
import ca.ptm.nocturne.gazelle.exports.EventExportMapper;
import ca.ptm.nocturne.gazelle.exports.ExportKind;
import ca.ptm.nocturne.gazelle.exports.ExportRowMapper;
import ca.ptm.nocturne.gazelle.exports.PianoExportMapper;
import ca.ptm.nocturne.gazelle.exports.TimelineExportMapper;
import ca.ptm.nocturne.gazelle.mapping.ApiRecordMapper;
import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.ParentFetcher;
import ca.ptm.nocturne.gazelle.sync.SyncItem;
import ca.ptm.nocturne.imports.parsing.DelimiterDetector;
import ca.ptm.nocturne.imports.parsing.EncodingDetector;
import ca.ptm.nocturne.imports.parsing.EncodingDetector.DetectedEncoding;
import ca.ptm.nocturne.imports.reading.LogicalRecord;
import ca.ptm.nocturne.imports.reading.RecordReader;
import ca.ptm.nocturne.reference.TechnicianDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the records of a sync step come from: Gazelle's GraphQL API, or Gazelle's CSV exports in a folder (the
 * source of the demonstration and of machines without Gazelle credentials).
 */
@Component
public class GazelleSources {

    public static final String API = "api";
    public static final String FILES = "files";

    private final GazelleProperties properties;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactionManager;
    private final TechnicianDirectory technicians;
    private final SyncWindow windows;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private static final int HEADER_BYTES = 64 * 1024;

    public GazelleSources(GazelleProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                          TechnicianDirectory technicians, SyncWindow windows) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactionManager = transactionManager;
        this.technicians = technicians;
        this.windows = windows;
    }

    public String defaultSource() {
        return properties.apiConfigured() ? API : FILES;
    }

    /**
     * @param slice the part of the timeline this step reads (a partition of the timeline step), null for the others
     */
    public ItemStreamReader<SyncItem> reader(GazelleEntity entity, String stepName, String source, Path exportsDir,
                                             boolean full, LocalDate runDate, TimelineSlice slice) {
        if (API.equals(source) && entity == GazelleEntity.TIMELINE_ENTRY) {
            Objects.requireNonNull(slice, "The timeline is read by slices (gazelle-timeline-slice)");
            return new GraphQlPageReader(newClient(), GazelleQueries.TIMELINE, slice.window(), properties.pageSize(),
                    new SliceBoundsCheck(slice));
        }
        if (API.equals(source)) {
            return new GraphQlPageReader(newClient(), query(entity), window(entity, stepName, full, runDate), properties.pageSize());
        }
        Optional<ExportKind> kind = exportKindOf(entity);
        if (kind.isEmpty()) {
            return new EmptyReader();
        }
        return new ExportFileReader(exportFiles(exportsDir, kind.get()), entity, exportMapper(kind.get()));
    }

    public ParentFetcher parentFetcher(String source) {
        if (!API.equals(source)) {
            return ParentFetcher.NONE;
        }
        GazelleGraphQlClient client = newClient();
        return id -> {
            JsonNode data = client.query("client " + id, GazelleQueries.CLIENT_BY_ID, Map.of("id", id));
            JsonNode node = data.path("client");
            return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(ApiRecordMapper.client(node));
        };
    }

    /**
     * How many timeline entries Gazelle holds since {@code from} (null: the whole history): in all, and for each type
     * of {@link GazelleQueries#TIMELINE_COUNTS}, in one request.
     */
    public TimelineCounts timelineCounts(Instant from) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("occurredAtGet", from == null ? null : SyncWindow.coreDateTime(from));
        JsonNode data = newClient().query("allTimelineEntries, totalCount par type", GazelleQueries.TIMELINE_COUNTS, variables);
        java.util.Map<String, Long> byType = new java.util.TreeMap<>();
        long all = -1;
        for (var field : data.properties()) {
            JsonNode total = field.getValue().path("totalCount");
            if (!total.isNumber()) {
                throw new IllegalStateException("Gazelle n'a pas donné totalCount pour " + field.getKey());
            }
            if (field.getKey().equals(GazelleQueries.ALL_TYPES)) {
                all = total.asLong();
            } else {
                byType.put(field.getKey(), total.asLong());
            }
        }
        if (all < 0) {
            throw new IllegalStateException("Gazelle n'a pas donné le total de la chronologie");
        }
        return new TimelineCounts(all, byType);
    }

    /** The timeline's total since a date, and its count for each type asked. */
    public record TimelineCounts(long all, Map<String, Long> byType) {

        public long sumOfTypes() {
            return byType.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The window of an entity read in one go: appointments have one, the lists read in full none. */
    private Map<String, Object> window(GazelleEntity entity, String stepName, boolean full, LocalDate runDate) {
        return entity == GazelleEntity.APPOINTMENT ? windows.appointments(stepName, full, runDate) : Map.of();
    }

    /** The export files of a kind in the folder, in name order; a folder that does not exist holds none. */
    List<Path> exportFiles(Path dir, ExportKind kind) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().toLowerCase().endsWith(".csv")).sorted()
                    .filter(p -> headerKind(p).filter(kind::equals).isPresent()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The kind of export a file is, from its header alone: the encoding is judged on the first bytes only (every entity
     * step asks, and a timeline export can hold a million rows). The reader of the chosen files checks the whole file.
     */
    private Optional<ExportKind> headerKind(Path file) {
        try {
            DetectedEncoding encoding = EncodingDetector.detectHead(file, HEADER_BYTES);
            try (RecordReader probe = new RecordReader(EncodingDetector.open(file, encoding), ',')) {
                LogicalRecord first = probe.next();
                if (first == null) {
                    return Optional.empty();
                }
                char delimiter = DelimiterDetector.detect(first.text());
                try (RecordReader header = new RecordReader(EncodingDetector.open(file, encoding), delimiter)) {
                    return ExportKind.recognise(header.next().cells());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private ExportRowMapper exportMapper(ExportKind kind) {
        return switch (kind) {
            case CLIENTS -> new ClientExportMapper();
            case PIANOS -> new PianoExportMapper();
            case EVENTS -> new EventExportMapper(name -> technicians.resolve(name)
                    .map(TechnicianDirectory.Technician::gazelleUserId));
            case TIMELINE -> new TimelineExportMapper();
        };
    }

    private static Optional<ExportKind> exportKindOf(GazelleEntity entity) {
        return switch (entity) {
            case CLIENT -> Optional.of(ExportKind.CLIENTS);
            case PIANO -> Optional.of(ExportKind.PIANOS);
            case APPOINTMENT -> Optional.of(ExportKind.EVENTS);
            case TIMELINE_ENTRY -> Optional.of(ExportKind.TIMELINE);
            default -> Optional.empty();
        };
    }

    private static EntityQuery query(GazelleEntity entity) {
        return switch (entity) {
            case USER -> GazelleQueries.USERS;
            case CLIENT -> GazelleQueries.CLIENTS;
            case PIANO -> GazelleQueries.PIANOS;
            case APPOINTMENT -> GazelleQueries.APPOINTMENTS;
            case INVOICE -> GazelleQueries.INVOICES;
            default -> throw new IllegalArgumentException(entity + " is not read on its own");
        };
    }

    /** A client for a step that asks Gazelle something else than a sync (the PdA completion check). */
    public GazelleGraphQlClient apiClient() {
        return newClient();
    }

    /** One client per step: it starts from the token the database holds now, which a refresh may have replaced. */
    private GazelleGraphQlClient newClient() {
        if (properties.url() == null) {
            throw new IllegalStateException("Source « api » demandée mais nocturne.gazelle.url n'est pas configurée");
        }
        GazelleApiSettings settings = GazelleApiSettings.defaults(properties.url(), properties.tokenUrl())
                .withClient(properties.clientId(), properties.clientSecret())
                .withTimeouts(Duration.ofSeconds(10), properties.requestTimeout())
                .withRetries(properties.maxAttempts(), properties.firstBackoff(), Duration.ofSeconds(60));
        OAuthToken fromEnvironment = properties.accessToken() == null && properties.refreshToken() == null ? null
                : new OAuthToken(properties.accessToken(), properties.refreshToken(), 2_592_000L, Instant.now());
        return new GazelleGraphQlClient(settings, new JdbcTokenStore(jdbc, transactionManager, mapper, fromEnvironment),
                mapper, GazelleGraphQlClient.newHttpClient(settings), Sleeper.REAL);
    }

    /** A step whose entity the chosen source does not provide (users and invoices have no CSV export). */
    static final class EmptyReader extends ListItemReader<SyncItem> implements ItemStreamReader<SyncItem> {
        EmptyReader() {
            super(List.of());
        }
    }
}
