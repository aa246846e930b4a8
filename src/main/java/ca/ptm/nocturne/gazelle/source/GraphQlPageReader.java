package ca.ptm.nocturne.gazelle.source;

import ca.ptm.nocturne.gazelle.api.GazelleGraphQlClient;
import ca.ptm.nocturne.gazelle.sync.SyncCounts;
import ca.ptm.nocturne.gazelle.sync.SyncItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;

/**
 * Pages through one Gazelle connection by cursor, to its end. The cursor of the page being read and the position in
 * it are saved with every committed chunk, so a restart asks for the same page and skips what was written. A list
 * that ends on an exact multiple of the page size is checked with one more request instead of being trusted: that
 * is where the old sync silently stopped at 1,000.
 */
public class GraphQlPageReader implements ItemStreamReader<SyncItem> {

    private static final String CURSOR = "gazelle.pageCursor";
    private static final String INDEX = "gazelle.indexInPage";
    private static final String READ = SyncCounts.SOURCE_READ;
    private static final String PAGES = "gazelle.pagesRead";
    public static final String CAP_CHECKS = "gazelle.capChecks";
    /** The window of the first attempt: a restart reads the same records even if it runs days later. */
    public static final String WINDOW = "gazelle.window";

    private final GazelleGraphQlClient client;
    private final EntityQuery query;
    private Map<String, Object> window;
    private final int pageSize;

    private String pageCursor;
    private List<JsonNode> page;
    private String endCursor;
    private boolean hasNextPage;
    private int index;
    private long recordsRead;
    private long pagesRead;
    private long capChecks;
    private boolean exhausted;

    public GraphQlPageReader(GazelleGraphQlClient client, EntityQuery query, Map<String, Object> window, int pageSize) {
        this.client = client;
        this.query = query;
        this.window = new HashMap<>(window);
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext context) {
        pageCursor = context.containsKey(CURSOR) ? context.getString(CURSOR) : null;
        index = context.getInt(INDEX, 0);
        recordsRead = context.getLong(READ, 0L);
        pagesRead = context.getLong(PAGES, 0L);
        capChecks = context.getLong(CAP_CHECKS, 0L);
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
            fetch(pageCursor);
        }
        while (index >= page.size()) {
            if (!hasNextPage && !(page.size() > 0 && recordsRead > 0 && recordsRead % pageSize == 0 && confirmEnd())) {
                exhausted = true;
                return null;
            }
            if (!hasNextPage) {
                continue;
            }
            fetch(endCursor);
        }
        JsonNode node = page.get(index++);
        recordsRead++;
        return SyncItem.of(query.mapper().apply(node));
    }

    /** True when the extra request found more records (the API's "no next page" was wrong). */
    private boolean confirmEnd() {
        capChecks++;
        String after = endCursor;
        fetch(after);
        return !page.isEmpty();
    }

    private void fetch(String after) {
        Map<String, Object> variables = new HashMap<>(window);
        variables.put("first", pageSize);
        variables.put("after", after);
        JsonNode data = client.query(query.connection() + ", page " + (pagesRead + 1), query.text(), variables);
        JsonNode connection = data.path(query.connection());
        List<JsonNode> nodes = new ArrayList<>();
        if (connection.has("edges")) {
            connection.path("edges").forEach(edge -> nodes.add(edge.path("node")));
        } else {
            connection.path("nodes").forEach(nodes::add);
        }
        boolean resuming = page == null && index > 0;
        pageCursor = after;
        page = nodes;
        if (!resuming) {
            index = 0;
        }
        hasNextPage = connection.path("pageInfo").path("hasNextPage").asBoolean(false);
        JsonNode cursor = connection.path("pageInfo").path("endCursor");
        endCursor = cursor.isNull() || cursor.isMissingNode() ? after : cursor.asString();
        pagesRead++;
    }

    @Override
    public void update(ExecutionContext context) {
        if (pageCursor == null) {
            context.remove(CURSOR);
        } else {
            context.putString(CURSOR, pageCursor);
        }
        context.putInt(INDEX, index);
        context.putLong(READ, recordsRead);
        context.putLong(PAGES, pagesRead);
        context.putLong(CAP_CHECKS, capChecks);
        context.put(WINDOW, new HashMap<>(window));
    }
}
