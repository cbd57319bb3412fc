package org.partnershipexplorer.partnership;

import org.neo4j.driver.types.MapAccessor;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** A training or donation programme (the Triangular Partnership Programme, GPOI...). */
public record Program(String code, String name, String url, Confidence confidence, String source) {

    /** Its Node id ({@code PROGRAM:TPP}): a code alone could equal an organisation's, which is an actor's id. */
    public String id() {
        return "PROGRAM:" + code;
    }

    public static Program of(MapAccessor node) {
        return new Program(Rows.text(node, "code"), Rows.text(node, "name"), Rows.text(node, "url"),
                Confidence.of(Rows.text(node, "confidence")), Rows.text(node, "source"));
    }
}
