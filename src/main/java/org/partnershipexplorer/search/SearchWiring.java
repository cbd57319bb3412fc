package org.partnershipexplorer.search;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.Projections;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.graphql.RequestInfo;

/** {@code Query.search}. */
@Singleton
public final class SearchWiring implements GraphQLWiring, Projections {

    /** Longer texts are refused: no name is this long, and the query grows with the text. */
    static final int MAX_TEXT = 200;

    private final SearchRepository search;

    SearchWiring(SearchRepository search) {
        this.search = search;
    }

    /** Answered by this wiring's fetchers, not by definitions (see FieldRegistry). */
    @Override
    public void define(FieldRegistry.Definitions definitions) {
        definitions.fieldByField("Query", "search", "ranked by the full-text index");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("search", this::search));
    }

    /** Query.search */
    SearchConnection search(DataFetchingEnvironment env) {
        String text = env.getArgument("text");
        Integer first = env.getArgument("first");
        String after = env.getArgument("after");
        int n = first == null ? 10 : first;
        if (n < 0 || n > Paging.MAX_FIRST) {
            throw ApiException.badInput("first", "must be between 0 and " + Paging.MAX_FIRST + ", got " + n);
        }
        if (text.length() > MAX_TEXT) {
            throw ApiException.badInput("text", "at most " + MAX_TEXT + " characters, got " + text.length());
        }
        int offset = after == null ? 0 : SearchConnection.offset(after);
        return SearchQuery.of(text)
                .map(query -> search.search(RequestInfo.deadline(env), query, SearchAliases.normalise(text),
                        SearchAliases.keysFor(text), offset, n))
                .orElseGet(SearchRepository::empty);
    }
}
