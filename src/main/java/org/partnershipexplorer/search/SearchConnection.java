package org.partnershipexplorer.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.Paging;

/**
 * A page of ranked hits. Ranks have no stable key, so the cursor is an offset (docs/api.md allows it for ranked
 * results), encoded so that clients treat it as opaque.
 */
public record SearchConnection(List<SearchEdge> edges, Paging.PageInfo pageInfo, long totalCount) {

    private static final String PREFIX = "o:";

    record Hit(Object node, double score) {
    }

    /** Builds the page from up to {@code first + 1} hits starting at {@code offset}. */
    static SearchConnection of(List<Hit> hits, int offset, int first, long total) {
        List<SearchEdge> edges = new ArrayList<>();
        for (int i = 0; i < Math.min(first, hits.size()); i++) {
            edges.add(new SearchEdge(cursor(offset + i + 1), hits.get(i).score(), hits.get(i).node()));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new SearchConnection(edges, new Paging.PageInfo(hits.size() > first, end), total);
    }

    static String cursor(int next) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + next).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a cursor stands for; BAD_USER_INPUT for anything that is not one of ours. */
    static int offset(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below (NumberFormatException is one)
        }
        throw ApiException.badInput("after", "not a cursor of this list");
    }
}
