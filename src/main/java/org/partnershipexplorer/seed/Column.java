package org.partnershipexplorer.seed;

import java.util.Locale;

/**
 * One column of a seed file as docs/graph-model.md names it.
 *
 * @param name     the snake_case header name
 * @param type     how a cell is read
 * @param required whether the header must have it and every row must fill it
 * @param ref      the kind of key the cell names (checked against the files loaded before), or null
 * @param stored   whether the value becomes a property; endpoint columns become relationships instead
 */
record Column(String name, ValueType type, boolean required, Ref ref, boolean stored) {

    /** Every file of facts ends with these two: every node and relationship carries its row's confidence and source. */
    static final Column CONFIDENCE = new Column("confidence", ValueType.CONFIDENCE, true, null, true);
    static final Column SOURCE = new Column("source", ValueType.TEXT, true, null, true);
    /** Who last changed the row through the API (a token's subject) and when; absent on rows only ever seeded. */
    static final Column UPDATED_BY = new Column("updated_by", ValueType.TEXT, false, null, true);
    static final Column UPDATED_AT = new Column("updated_at", ValueType.DATETIME, false, null, true);
    /** The rows of sources.csv that support a row, by id: stored as a list, so that a source is described once. */
    static final Column SOURCE_IDS = new Column("source_ids", ValueType.SLUG_LIST, false, Ref.SOURCE, true);

    /**
     * The kinds of key a cell can name, each with the files that define it and the pattern of its keys (a cell
     * naming a country is checked as an iso3 wherever it stands, as the country's own row is).
     */
    enum Ref {
        ACTOR("actor", "countries.csv or organizations.csv", ValueType.ACTOR),
        COUNTRY("country", "countries.csv", ValueType.ISO3),
        ORGANIZATION("organization", "organizations.csv", ValueType.CODE),
        MISSION("mission", "missions.csv", ValueType.CODE),
        PROGRAM("program", "programs.csv", ValueType.CODE),
        MINISTERIAL("ministerial", "ministerials.csv", ValueType.SLUG),
        SOURCE("source", "sources.csv", ValueType.SLUG),
        /** Named by no column: kept so that a pledge's id is not also a ministerial's or a source's. */
        PLEDGE("pledge", "pledges.csv", ValueType.SLUG),
        /** A training's or a donation's stable id ({@code TRAINING:JPN:IDN:2022:TPP}), named by a pledge's delivery. */
        PARTNERSHIP("partnership", "trainings.csv or donations.csv", ValueType.TEXT);

        final String noun;
        final String definedIn;
        final ValueType key;

        Ref(String noun, String definedIn, ValueType key) {
            this.noun = noun;
            this.definedIn = definedIn;
            this.key = key;
        }
    }

    /** The property name: docs/graph-model.md's camelCase of the column name. */
    String property() {
        return camelCase(name);
    }

    /**
     * {@code un_regional_group} becomes {@code unRegionalGroup}. Extra columns may be spelt freely, so any run of
     * characters other than letters and digits separates words; the result is empty when nothing is left.
     */
    static String camelCase(String column) {
        StringBuilder out = new StringBuilder();
        for (String word : column.trim().split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            out.append(out.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return out.toString();
    }
}
