package org.partnershipexplorer.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Composes queries from every field Translator translates, with random arguments, aliases and fragments, from a
 * fixed seed (so a failure names a query that can be sent again). TranslatorIT runs each one translated and field
 * by field and compares the answers.
 */
final class TranslatableQueries {

    /** The translated scalars of each type, and its translated nested fields with the type they lead to. */
    private static final Map<String, List<String>> SCALARS = Map.of(
            "Country", List.of("id", "iso3", "iso2", "name", "region", "subregion", "unRegionalGroup", "unMember",
                    "confidence", "source"),
            "Organization", List.of("id", "code", "name", "kind", "confidence", "source"),
            "Training", List.of("id", "kind", "year", "endYear", "topic", "trainees", "confidence", "source"),
            "Donation", List.of("id", "kind", "item", "year", "endYear", "quantity", "valueUsd", "confidence",
                    "source"),
            "Program", List.of("code", "name", "url", "confidence", "source"),
            "Mission", List.of("acronym", "name", "location", "startYear", "endYear", "active", "confidence",
                    "source"),
            "Contribution", List.of("id", "year", "total", "troops", "police", "experts", "women", "asOf",
                    "confidence", "source"),
            "Deployment", List.of("asOf", "total", "women", "troops", "police", "experts", "confidence", "source"),
            "Membership", List.of("since", "confidence", "source"));

    private record Nested(String field, String type) {
    }

    private static final List<Nested> ACTOR_PARTNERSHIPS = List.of(new Nested("trains", "Training"),
            new Nested("trainedBy", "Training"), new Nested("donatesTo", "Donation"),
            new Nested("receivesFrom", "Donation"));

    private static final Map<String, List<Nested>> NESTED = Map.of(
            "Country", concat(ACTOR_PARTNERSHIPS, List.of(new Nested("contributions", "Contribution"),
                    new Nested("deployments", "Deployment"), new Nested("memberships", "Membership"),
                    new Nested("hostedMissions", "Mission"))),
            "Organization", concat(ACTOR_PARTNERSHIPS, List.of(new Nested("members", "Membership"))),
            "Training", List.of(new Nested("provider", "Actor"), new Nested("recipient", "Actor"),
                    new Nested("trainer", "Actor"), new Nested("trainee", "Actor"), new Nested("program", "Program")),
            "Donation", List.of(new Nested("provider", "Actor"), new Nested("recipient", "Actor"),
                    new Nested("donor", "Actor"), new Nested("program", "Program")),
            "Mission", List.of(new Nested("hosts", "Country"), new Nested("contributions", "Contribution"),
                    new Nested("contributors", "Country")),
            "Contribution", List.of(new Nested("country", "Country"), new Nested("mission", "Mission")),
            "Deployment", List.of(new Nested("country", "Country")),
            "Membership", List.of(new Nested("country", "Country"), new Nested("organization", "Organization")));

    private static final List<String> COUNTRIES = List.of("KEN", "KOR", "JPN", "BGD", "RWA", "USA", "FRA", "IND");
    private static final List<String> ORGANIZATIONS = List.of("AU", "EU", "UN", "NATO");
    private static final List<String> MISSIONS = List.of("MINUSMA", "UNMISS", "MONUSCO", "UNIFIL", "MINUSCA");

    private final Random random;

    TranslatableQueries(long seed) {
        this.random = new Random(seed);
    }

    /** One query: one to three roots, nested up to {@code depth} levels below them. */
    String next(int depth) {
        StringBuilder query = new StringBuilder("{");
        int roots = 1 + random.nextInt(3);
        for (int i = 0; i < roots; i++) {
            query.append(" r").append(i).append(": ").append(root(depth));
        }
        return query.append(" }").toString();
    }

    private String root(int depth) {
        return switch (random.nextInt(7)) {
            case 0 -> "countries(first: " + (1 + random.nextInt(60)) + maybe(", region: \"Africa\"")
                    + maybe(", unMember: true") + ") { " + connection("Country", depth) + " }";
            case 1 -> "country(iso3: \"" + pick(COUNTRIES) + "\") " + object("Country", depth);
            case 2 -> "organizations(first: " + (1 + random.nextInt(10)) + maybe(", kind: REGIONAL") + ") { "
                    + connection("Organization", depth) + " }";
            case 3 -> "organization(code: \"" + pick(ORGANIZATIONS) + "\") " + object("Organization", depth);
            case 4 -> "actor(id: \"" + pick(random.nextBoolean() ? COUNTRIES : ORGANIZATIONS) + "\") "
                    + object("Actor", depth);
            case 5 -> "missions(first: " + (1 + random.nextInt(40)) + maybe(", activeIn: 2019") + ") { "
                    + connection("Mission", depth) + " }";
            default -> "mission(acronym: \"" + pick(MISSIONS) + "\") " + object("Mission", depth);
        };
    }

    private String connection(String type, int depth) {
        List<String> parts = new ArrayList<>();
        parts.add("edges { " + maybe("cursor ") + "node " + object(type, depth) + " }");
        if (random.nextBoolean()) {
            parts.add("totalCount");
        }
        if (random.nextBoolean()) {
            parts.add("pageInfo { hasNextPage endCursor }");
        }
        if (random.nextInt(4) == 0) {
            parts.add("__typename");
        }
        return String.join(" ", shuffled(parts));
    }

    /** A selection set on {@code type}; on Actor, inline fragments on both kinds. */
    private String object(String type, int depth) {
        if (type.equals("Actor")) {
            return "{ " + maybe("__typename ") + "id " + maybe("name ")
                    + "... on Country " + object("Country", depth) + " "
                    + "... on Organization " + object("Organization", depth) + " }";
        }
        List<String> fields = new ArrayList<>();
        List<String> scalars = SCALARS.get(type);
        int count = 1 + random.nextInt(Math.min(4, scalars.size()));
        for (String scalar : shuffled(new ArrayList<>(scalars)).subList(0, count)) {
            // an alias names its field, so that the same alias in fragments on two types never means two fields
            fields.add(random.nextInt(6) == 0 ? "the_" + scalar + ": " + scalar : scalar);
        }
        if (random.nextInt(5) == 0) {
            fields.add("__typename");
        }
        if (depth > 0) {
            List<Nested> nested = NESTED.getOrDefault(type, List.of());
            int below = nested.isEmpty() ? 0 : random.nextInt(3);
            for (Nested field : shuffled(new ArrayList<>(nested)).subList(0, Math.min(below, nested.size()))) {
                fields.add(field.field() + arguments(type, field.field()) + " " + object(field.type(), depth - 1));
            }
        }
        return "{ " + String.join(" ", fields) + " }";
    }

    private String arguments(String type, String field) {
        List<String> arguments = new ArrayList<>();
        switch (field) {
            case "trains", "trainedBy", "donatesTo", "receivesFrom" -> {
                if (random.nextBoolean()) {
                    arguments.add(years());
                }
                if (random.nextInt(3) == 0) {
                    arguments.add("limit: " + random.nextInt(4));
                }
                if (random.nextInt(4) == 0) {
                    arguments.add("confidence: [VERIFIED, REPORTED]");
                }
                if (random.nextInt(6) == 0) {
                    arguments.add("program: \"TPP\"");
                }
            }
            case "contributions" -> {
                if (random.nextBoolean()) {
                    arguments.add(years());
                }
                if (type.equals("Country") && random.nextInt(4) == 0) {
                    arguments.add("mission: \"" + pick(MISSIONS) + "\"");
                }
            }
            case "contributors" -> {
                if (random.nextBoolean()) {
                    arguments.add("year: " + (2012 + random.nextInt(10)));
                }
            }
            default -> {
            }
        }
        return arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")";
    }

    private String years() {
        int from = 2010 + random.nextInt(10);
        return switch (random.nextInt(3)) {
            case 0 -> "years: {from: " + from + "}";
            case 1 -> "years: {to: " + from + "}";
            default -> "years: {from: " + from + ", to: " + (from + random.nextInt(5)) + "}";
        };
    }

    private String maybe(String text) {
        return random.nextBoolean() ? text : "";
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> List<T> shuffled(List<T> values) {
        Collections.shuffle(values, random);
        return values;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
