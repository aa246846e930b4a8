package ca.ptm.nocturne.gazelle.source;

import ca.ptm.nocturne.gazelle.api.GazelleApiException;
import ca.ptm.nocturne.gazelle.api.GazelleGraphQlClient;
import ca.ptm.nocturne.gazelle.sync.SyncCounts;
import ca.ptm.nocturne.gazelle.sync.SyncItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pages through one Gazelle connection by cursor, to its end. The cursor of the page being read and the position in
 * it are saved with every committed chunk, so a restart asks for the same page and skips what was written. A list
 * that ends on an exact multiple of the page size is checked with one more request instead of being trusted: that
 * is where the old sync silently stopped at 1,000.
 *
 * <p>While the records of one page are handed out (and the chunk they belong to is written), the next page is already
 * being fetched on a thread of the reader's own: cursors chain the pages, so one request at a time is all a
 * connection allows, but the time to write is hidden behind the time Gazelle takes to answer.
 */
public class GraphQlPageReader implements ItemStreamReader<SyncItem> {

    private static final String CURSOR = "gazelle.pageCursor";
    private static final String INDEX = "gazelle.indexInPage";
    private static final String READ = SyncCounts.SOURCE_READ;
    public static final String PAGES = "gazelle.pagesRead";
    public static final String CAP_CHECKS = "gazelle.capChecks";
    /** Follow-up requests that read the rest of a nested connection (an event's pianos beyond the first page). */
    public static final String NESTED_FOLLOW_UPS = "gazelle.nestedFollowUps";
    /** The window of the first attempt: a restart reads the same records even if it runs days later. */
    public static final String WINDOW = "gazelle.window";

    private final GazelleGraphQlClient client;
    private final EntityQuery query;
    private Map<String, Object> window;
    private final int pageSize;
    private final Consumer<JsonNode> nodeCheck;
    private ExecutorService prefetcher;

    private Page page;
    private CompletableFuture<Page> next;
    private int index;
    private long recordsRead;
    private long pagesRead;
    private long capChecks;
    private volatile long nestedFollowUps;
    private boolean exhausted;
    private String savedCursor;
    private boolean resuming;

    public GraphQlPageReader(GazelleGraphQlClient client, EntityQuery query, Map<String, Object> window, int pageSize) {
        this(client, query, window, pageSize, node -> { });
    }

    /** @param nodeCheck throws when a node does not belong to what was asked for (a filter Gazelle ignored) */
    public GraphQlPageReader(GazelleGraphQlClient client, EntityQuery query, Map<String, Object> window, int pageSize,
                             Consumer<JsonNode> nodeCheck) {
        this.client = client;
        this.query = query;
        this.window = new HashMap<>(window);
        this.pageSize = pageSize;
        this.nodeCheck = nodeCheck;
    }

    /** One page as Gazelle returned it, with the cursor it was asked for. */
    private record Page(String after, List<JsonNode> nodes, boolean hasNextPage, String endCursor) {
    }

    @Override
    public void open(ExecutionContext context) {
        savedCursor = context.containsKey(CURSOR) ? context.getString(CURSOR) : null;
        index = context.getInt(INDEX, 0);
        resuming = index > 0;
        recordsRead = context.getLong(READ, 0L);
        pagesRead = context.getLong(PAGES, 0L);
        capChecks = context.getLong(CAP_CHECKS, 0L);
        nestedFollowUps = context.getLong(NESTED_FOLLOW_UPS, 0L);
        if (context.containsKey(WINDOW)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> saved = (Map<String, Object>) context.get(WINDOW);
            window = new HashMap<>(saved);
        }
    }

    @Override
    public SyncItem read() {
        if (exhausted) {
            return null;
        }
        if (page == null) {
            becomeCurrent(fetch(savedCursor, pagesRead + 1));
        }
        while (index >= page.nodes().size()) {
            if (page.hasNextPage()) {
                becomeCurrent(takeNext());
            } else if (endsOnPageMultiple()) {
                capChecks++;
                becomeCurrent(fetch(page.endCursor(), pagesRead + 1));
                if (page.nodes().isEmpty()) {
                    exhausted = true;
                    return null;
                }
            } else {
                exhausted = true;
                return null;
            }
        }
        JsonNode node = page.nodes().get(index++);
        recordsRead++;
        nodeCheck.accept(node);
        return SyncItem.of(query.mapper().apply(node));
    }

    /** A full last page: Gazelle's "no next page" is checked with one more request, never trusted. */
    private boolean endsOnPageMultiple() {
        return query.paged() && !page.nodes().isEmpty() && recordsRead > 0 && recordsRead % pageSize == 0;
    }

    private void becomeCurrent(Page fetched) {
        page = fetched;
        pagesRead++;
        if (resuming) {
            resuming = false;   // the saved position applies to the first page of a restart only
        } else {
            index = 0;
        }
        next = page.hasNextPage() ? CompletableFuture.supplyAsync(() -> fetch(page.endCursor(), pagesRead + 1), prefetcher())
                : null;
    }

    private Page takeNext() {
        try {
            return next.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private Page fetch(String after, long pageNumber) {
        Map<String, Object> variables = new HashMap<>(window);
        if (query.paged()) {
            variables.put("first", pageSize);
            variables.put("after", after);
        }
        String description = query.paged() ? query.connection() + ", page " + pageNumber : query.connection();
        JsonNode data = client.query(description, query.text(), variables);
        JsonNode connection = data.path(query.connection());
        List<JsonNode> nodes = new ArrayList<>();
        if (connection.isArray()) {
            connection.forEach(nodes::add);   // a plain list: everything in one answer
            for (JsonNode node : nodes) {
                completeNested(node);
            }
            return new Page(after, nodes, false, after);
        }
        if (connection.has("edges")) {
            connection.path("edges").forEach(edge -> nodes.add(edge.path("node")));
        } else {
            connection.path("nodes").forEach(nodes::add);
        }
        for (JsonNode node : nodes) {
            completeNested(node);
        }
        boolean hasNextPage = connection.path("pageInfo").path("hasNextPage").asBoolean(false);
        JsonNode cursor = connection.path("pageInfo").path("endCursor");
        String endCursor = cursor.isNull() || cursor.isMissingNode() ? after : cursor.asString();
        return new Page(after, nodes, hasNextPage, endCursor);
    }

    /**
     * Reads the rest of each nested connection of a node that says it has more (by its own cursor, one follow-up query
     * a page) and appends it to the node, so that the mapper sees the whole list; a nested list that cannot be read
     * to its end fails the step, naming the record.
     */
    private void completeNested(JsonNode node) {
        for (NestedConnection nested : query.nested()) {
            JsonNode connection = node.path(nested.field());
            if (connection.isMissingNode() || connection.isNull()) {
                continue;
            }
            String id = node.path("id").asString("?");
            if (!connection.path("pageInfo").isObject() || !(connection.path("nodes") instanceof ArrayNode all)) {
                throw new GazelleApiException(query.connection(), "Gazelle n'a pas dit si " + nested.what() + " " + id
                        + " (" + nested.field() + ") s'arrêtent là : l'enregistrement n'est pas écrit plutôt que d'être écrit incomplet.");
            }
            JsonNode pageInfo = connection.path("pageInfo");
            int pages = 1;
            while (pageInfo.path("hasNextPage").asBoolean(false)) {
                JsonNode endCursor = pageInfo.path("endCursor");
                if (!endCursor.isString()) {
                    throw new GazelleApiException(query.connection(), "Gazelle annonce d'autres éléments dans " + nested.what()
                            + " " + id + " (" + nested.field() + ") sans curseur pour les lire : l'enregistrement n'est pas "
                            + "écrit plutôt que d'être écrit incomplet.");
                }
                pages++;
                Map<String, Object> variables = new HashMap<>();
                variables.put("id", id);
                variables.put("first", GazelleQueries.NESTED_PAGE);
                variables.put("after", endCursor.asString());
                JsonNode more = client.query(nested.parent() + " " + id + ", " + nested.field() + " page " + pages,
                        nested.followUp(), variables).path(nested.parent()).path(nested.field());
                if (!more.path("pageInfo").isObject() || !more.path("nodes").isArray()) {
                    throw new GazelleApiException(query.connection(), "Gazelle n'a pas rendu la suite de " + nested.what()
                            + " " + id + " (" + nested.field() + ", page " + pages + ") : l'enregistrement n'est pas écrit "
                            + "plutôt que d'être écrit incomplet.");
                }
                more.path("nodes").forEach(all::add);
                pageInfo = more.path("pageInfo");
            }
            if (pages > 1 && connection instanceof ObjectNode whole) {
                ObjectNode done = whole.putObject("pageInfo");
                done.put("hasNextPage", false);
                nestedFollowUps += pages - 1;
            }
        }
    }

    private ExecutorService prefetcher() {
        if (prefetcher == null) {
            prefetcher = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "gazelle-prefetch-" + query.connection());
                thread.setDaemon(true);
                return thread;
            });
        }
        return prefetcher;
    }

    @Override
    public void update(ExecutionContext context) {
        String cursor = page == null ? savedCursor : page.after();
        if (cursor == null) {
            context.remove(CURSOR);
        } else {
            context.putString(CURSOR, cursor);
        }
        context.putInt(INDEX, index);
        context.putLong(READ, recordsRead);
        context.putLong(PAGES, pagesRead);
        context.putLong(CAP_CHECKS, capChecks);
        context.putLong(NESTED_FOLLOW_UPS, nestedFollowUps);
        context.put(WINDOW, new HashMap<>(window));
    }

    @Override
    public void close() {
        if (prefetcher != null) {
            prefetcher.shutdownNow();
            prefetcher = null;
        }
    }
}
