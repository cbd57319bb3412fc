package org.partnershipexplorer.provenance;

import org.neo4j.driver.types.MapAccessor;
import org.partnershipexplorer.neo4j.Rows;

/** A {@code Source} node: a page or dataset that facts cite by its id (a row of the seed's sources.csv). */
public record Source(String id, String url, String title, String publisher, String published, String accessed) {

    public static Source of(MapAccessor node) {
        return new Source(Rows.text(node, "id"), Rows.text(node, "url"), Rows.text(node, "title"),
                Rows.text(node, "publisher"), Rows.text(node, "published"), Rows.date(node, "accessed"));
    }
}
