package org.partnershipexplorer.organization;

import java.util.Locale;
import org.neo4j.driver.types.MapAccessor;
import org.partnershipexplorer.actor.Actor;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** An {@code Organization} node. */
public record Organization(String code, String name, Kind kind, Confidence confidence, String source)
        implements Actor {

    /** docs/graph-model.md's organisation kinds. */
    public enum Kind { UN, REGIONAL, ALLIANCE, OTHER }

    @Override
    public String id() {
        return code;
    }

    public static Organization of(MapAccessor node) {
        String kind = Rows.text(node, "kind");
        return new Organization(Rows.text(node, "code"), Rows.text(node, "name"),
                kind == null ? null : Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
                Confidence.of(Rows.text(node, "confidence")), Rows.text(node, "source"));
    }
}
