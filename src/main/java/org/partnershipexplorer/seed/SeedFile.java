package org.partnershipexplorer.seed;

import static org.partnershipexplorer.seed.ValueType.BOOLEAN;
import static org.partnershipexplorer.seed.ValueType.COUNT;
import static org.partnershipexplorer.seed.ValueType.DATE;
import static org.partnershipexplorer.seed.ValueType.KEY_LIST;
import static org.partnershipexplorer.seed.ValueType.TEXT;
import static org.partnershipexplorer.seed.ValueType.YEAR;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partnershipexplorer.seed.Column.Ref;

/**
 * The seed files of docs/graph-model.md, in dependency order: a file only names keys that the files before it define,
 * so one streaming pass in this order can check every reference.
 */
public enum SeedFile {
    /** The pages and datasets the other files cite in {@code source_ids}: citations, not facts, so no provenance. */
    SOURCES("sources.csv", Ref.SOURCE, null, List.of("id"), List.of(), false,
            required("id", ValueType.SLUG), optional("url", TEXT), required("title", TEXT), optional("publisher", TEXT),
            optional("published", ValueType.PARTIAL_DATE), optional("accessed", DATE)),
    COUNTRIES("countries.csv", Ref.COUNTRY, null, List.of("iso3"), List.of(),
            required("iso3", ValueType.ISO3), required("name", TEXT), required("region", TEXT),
            optional("iso2", TEXT), optional("subregion", TEXT), optional("un_regional_group", TEXT),
            optional("un_member", BOOLEAN)),
    ORGANIZATIONS("organizations.csv", Ref.ORGANIZATION, null, List.of("code"), List.of(),
            required("code", ValueType.CODE), required("name", TEXT), optional("kind", ValueType.ORGANIZATION_KIND)),
    PROGRAMS("programs.csv", Ref.PROGRAM, null, List.of("code"), List.of(),
            required("code", ValueType.CODE), required("name", TEXT), optional("url", TEXT)),
    MISSIONS("missions.csv", Ref.MISSION, null, List.of("acronym"), List.of(RowRule.notBefore("start_year", "end_year")),
            required("acronym", ValueType.CODE), required("name", TEXT), required("start_year", YEAR),
            optional("location", TEXT), endpoints("host_iso3", KEY_LIST, Ref.COUNTRY, false), optional("end_year", YEAR)),
    MINISTERIALS("ministerials.csv", Ref.MINISTERIAL, null, List.of("id"), List.of(RowRule.notBefore("start_date", "end_date")),
            required("id", ValueType.SLUG), required("name", TEXT), required("start_date", DATE),
            optional("end_date", DATE), optional("city", TEXT), endpoints("host_iso3", KEY_LIST, Ref.COUNTRY, false),
            optional("reported_participants", COUNT), optional("reported_ministerial_level", COUNT),
            optional("reported_organizations", COUNT), optional("reported_pledgers", COUNT),
            optional("reported_capability_pledgers", COUNT), optional("reported_training_pledgers", COUNT),
            optional("reported_medical_pledgers", COUNT), optional("reported_women_pledgers", COUNT),
            optional("reported_environment_pledgers", COUNT)),
    MEMBERSHIPS("memberships.csv", null, "MEMBERSHIP", List.of("iso3", "organization"), List.of(),
            endpoint("iso3", Ref.COUNTRY), endpoint("organization", Ref.ORGANIZATION), optional("since", YEAR)),
    CONTRIBUTIONS("contributions.csv", null, "CONTRIBUTION", List.of("iso3", "mission", "year"), List.of(),
            endpoint("iso3", Ref.COUNTRY), endpoint("mission", Ref.MISSION), required("year", YEAR),
            optional("total", COUNT), optional("troops", COUNT), optional("police", COUNT),
            optional("experts", COUNT), optional("women", COUNT), optional("as_of", DATE)),
    DEPLOYMENTS("deployments.csv", null, null, List.of("iso3", "as_of"), List.of(),
            // iso3 is both the Deployment's key property and the REPORTED edge's start
            new Column("iso3", Ref.COUNTRY.key, true, Ref.COUNTRY, true), required("as_of", DATE), required("total", COUNT),
            optional("women", COUNT), optional("troops", COUNT), optional("police", COUNT),
            optional("experts", COUNT)),
    TRAININGS("trainings.csv", Ref.PARTNERSHIP, "TRAINING", List.of("trainer", "trainee", "year", "program"),
            List.of(RowRule.notBefore("year", "end_year"), RowRule.different("trainer", "trainee")),
            endpoint("trainer", Ref.ACTOR), endpoint("trainee", Ref.ACTOR), required("year", YEAR),
            optional("end_year", YEAR), reference("program", Ref.PROGRAM), optional("topic", TEXT),
            optional("trainees", COUNT)),
    DONATIONS("donations.csv", Ref.PARTNERSHIP, "DONATION", List.of("donor", "recipient", "year", "item"),
            List.of(RowRule.notBefore("year", "end_year"), RowRule.different("donor", "recipient")),
            endpoint("donor", Ref.ACTOR), endpoint("recipient", Ref.ACTOR), required("item", TEXT),
            required("year", YEAR), optional("end_year", YEAR), optional("quantity", COUNT),
            optional("value_usd", COUNT), reference("program", Ref.PROGRAM)),
    PLEDGES("pledges.csv", Ref.PLEDGE, null, List.of("id"), List.of(RowRule.atMost("delivered_quantity", "quantity")),
            required("id", ValueType.SLUG), endpoint("pledger", Ref.ACTOR), endpoint("ministerial", Ref.MINISTERIAL),
            required("category", ValueType.PLEDGE_CATEGORY), optional("description", TEXT),
            optional("quantity", COUNT), optional("unit", TEXT), endpoints("beneficiary", Ref.ACTOR.key, Ref.ACTOR, false),
            endpoints("mission", Ref.MISSION.key, Ref.MISSION, false), optional("status", ValueType.PLEDGE_STATUS),
            optional("delivered_quantity", COUNT), optional("delivered_year", YEAR),
            // the trainings and donations that delivered the pledge, by stable id: a relationship cannot be the end
            // of another, so the ids are kept as a list and resolved when read
            new Column("delivered_by", ValueType.PARTNERSHIP_LIST, false, Ref.PARTNERSHIP, true)),
    ATTENDANCE("attendance.csv", null, "ATTENDANCE", List.of("actor", "ministerial"), List.of(),
            endpoint("actor", Ref.ACTOR), endpoint("ministerial", Ref.MINISTERIAL),
            required("role", ValueType.ATTENDANCE_ROLE), optional("level", TEXT));

    final String fileName;
    /** The kind of key this file's rows define for the files after it, or null. */
    final Ref defines;
    /** The prefix of the stable id of the relationship each row becomes, or null for a node file. */
    final String relationshipKind;
    final List<String> keyColumns;
    /** Pairs (earlier, later) of columns whose later value must not come before the earlier one. */
    /** Rules between two cells of a row (an end not before its start...). */
    final List<RowRule> rules;
    final List<Column> columns;

    SeedFile(String fileName, Ref defines, String relationshipKind, List<String> keyColumns,
            List<RowRule> rules, Column... columns) {
        this(fileName, defines, relationshipKind, keyColumns, rules, true, columns);
    }

    /** @param facts whether the rows are facts, each with its confidence, source, cited sources and audit stamps */
    SeedFile(String fileName, Ref defines, String relationshipKind, List<String> keyColumns,
            List<RowRule> rules, boolean facts, Column... columns) {
        this.fileName = fileName;
        this.defines = defines;
        this.relationshipKind = relationshipKind;
        this.keyColumns = keyColumns;
        this.rules = rules;
        this.facts = facts;
        List<Column> all = new ArrayList<>(List.of(columns));
        if (facts) {
            all.add(Column.CONFIDENCE);
            all.add(Column.SOURCE);
            all.add(Column.SOURCE_IDS);
            all.add(Column.UPDATED_BY);
            all.add(Column.UPDATED_AT);
        }
        this.columns = List.copyOf(all);
    }

    /** Whether the rows are facts with provenance (every file but sources.csv). */
    final boolean facts;

    /**
     * Keys are indexed (and end up in relationship ids, also indexed): Neo4j refuses to index a value of several
     * kilobytes, so a key is held to a length no real key comes near.
     */
    static final int MAX_KEY_LENGTH = 200;

    /**
     * What is wrong with a key cell whatever its type, or null: a control character (a donation's item is free text,
     * yet part of a key), or a length beyond {@link #MAX_KEY_LENGTH}. Each key's pattern is its column's type's.
     */
    String keyProblem(String column, String cell) {
        if (!keyColumns.contains(column)) {
            return null;
        }
        String characters = ValueType.keyCharacterProblem(cell);
        if (characters != null) {
            return characters;
        }
        if (cell.length() > MAX_KEY_LENGTH) {
            return "a key of " + cell.length() + " characters; keys are at most " + MAX_KEY_LENGTH;
        }
        return null;
    }

    /**
     * The other kinds whose ids a row of {@code file} may not take: ministerials, pledges and sources share one
     * namespace, so that {@code Query.node(id: "seoul-2021")} names one object (none for any other file).
     */
    static List<Ref> sharingIds(SeedFile file) {
        return switch (file) {
            case SOURCES -> List.of(Ref.MINISTERIAL, Ref.PLEDGE);
            case MINISTERIALS -> List.of(Ref.SOURCE, Ref.PLEDGE);
            case PLEDGES -> List.of(Ref.SOURCE, Ref.MINISTERIAL);
            default -> List.of();
        };
    }

    /** Why an id that a ministerial, a pledge or a source has already is refused for another of them. */
    static String idClash(String id, Ref other, String where) {
        return "id '" + id + "' is already the id of a " + other.noun + " " + where + ": ministerials, pledges and"
                + " sources share one set of ids, so that an id names one object";
    }

    /** The file name, such as {@code trainings.csv}. */
    public String fileName() {
        return fileName;
    }

    /** The header names in the contract's order: key and required columns first, then optional ones. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The columns that identify a row, in the order of the stable id. */
    public List<String> keyColumnNames() {
        return keyColumns;
    }

    /** Whether the column exists and every row must fill it. */
    public boolean isRequired(String column) {
        return column(column).map(Column::required).orElse(false);
    }

    /** The file of that name, if the contract has one. */
    public static Optional<SeedFile> byFileName(String name) {
        for (SeedFile file : values()) {
            if (file.fileName.equals(name)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Whether some known column is stored under this property name (an extra column must not overwrite it). */
    boolean storesProperty(String property) {
        return property.equals("id") || columns.stream().anyMatch(c -> c.stored() && c.property().equals(property));
    }

    private static Column required(String name, ValueType type) {
        return new Column(name, type, true, null, true);
    }

    private static Column optional(String name, ValueType type) {
        return new Column(name, type, false, null, true);
    }

    /** A required relationship endpoint: checked against its key set, not stored as a property. */
    private static Column endpoint(String name, Ref ref) {
        return new Column(name, ref.key, true, ref, false);
    }

    private static Column endpoints(String name, ValueType type, Ref ref, boolean required) {
        return new Column(name, type, required, ref, false);
    }

    /** An optional reference that is also kept as a property (the programme of a training or donation). */
    private static Column reference(String name, Ref ref) {
        return new Column(name, ref.key, false, ref, true);
    }
}
