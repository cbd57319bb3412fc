package org.partnershipexplorer.neo4j;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.io.ByteUnit;

/**
 * What the embedded server may take of the JVM's memory (explorer.neo4j.memory.*; sizes as Neo4j writes them:
 * {@code 64m}, {@code 2g}). Unset, Neo4j's own defaults apply: a page cache sized from the machine's RAM (filled only as
 * the store is read, so a small store stays small) and transactions limited to 70% of the heap. The heap itself is
 * the JVM's ({@code -Xmx}); README "Memory" gives settings for the bundled seed and for larger graphs.
 *
 * @param pageCache         EXPLORER_NEO4J_PAGECACHE: server.memory.pagecache.size, the store's pages kept in memory
 * @param transactionTotal  EXPLORER_NEO4J_TX_MEMORY: dbms.memory.transaction.total.max, the heap all transactions
 *                          together may hold (a seed load is one transaction and needs most of it)
 * @param transactionMax    EXPLORER_NEO4J_TX_MEMORY_MAX: db.memory.transaction.max, the heap one transaction may hold
 */
@ConfigurationProperties("explorer.neo4j.memory")
public record EmbeddedMemory(@Nullable String pageCache, @Nullable String transactionTotal,
        @Nullable String transactionMax) {

    /** Neo4j's defaults for everything. */
    public static final EmbeddedMemory DEFAULTS = new EmbeddedMemory(null, null, null);

    /**
     * The settings that are set, in bytes, for the server's configuration.
     *
     * @throws IllegalArgumentException naming the setting, when a size is not one ("64m", "2g")
     */
    Map<Setting<?>, Object> neo4jSettings() {
        Map<Setting<?>, Object> settings = new LinkedHashMap<>();
        put(settings, GraphDatabaseSettings.pagecache_memory, "explorer.neo4j.memory.page-cache", pageCache);
        put(settings, GraphDatabaseSettings.memory_transaction_global_max_size,
                "explorer.neo4j.memory.transaction-total", transactionTotal);
        put(settings, GraphDatabaseSettings.memory_transaction_max_size, "explorer.neo4j.memory.transaction-max",
                transactionMax);
        return settings;
    }

    /** For the start's log line: the sizes as given. */
    String describe() {
        return "page cache " + given(pageCache) + ", transactions in all " + given(transactionTotal)
                + ", one transaction " + given(transactionMax);
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? "Neo4j's default" : value.trim();
    }

    private static void put(Map<Setting<?>, Object> settings, Setting<Long> setting, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            settings.put(setting, ByteUnit.parse(value.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a size (such as 64m or 2g)", e);
        }
    }
}
