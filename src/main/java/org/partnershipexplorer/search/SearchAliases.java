package org.partnershipexplorer.search;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Common names, short forms and old names of actors, each leading to the key (ISO3 or organisation code) it means.
 * The index holds only the official name, so "South Korea" found South Africa and South Sudan before the Republic
 * of Korea, and "UK", "DRC" or "Holland" found nothing of the kind; a user's text equal to one of these names now
 * finds that actor first.
 */
final class SearchAliases {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("south korea", "KOR"), Map.entry("korea", "KOR"), Map.entry("rok", "KOR"),
            Map.entry("north korea", "PRK"), Map.entry("dprk", "PRK"),
            Map.entry("ivory coast", "CIV"), Map.entry("cote d ivoire", "CIV"), Map.entry("cote divoire", "CIV"),
            Map.entry("drc", "COD"), Map.entry("dr congo", "COD"), Map.entry("congo kinshasa", "COD"),
            Map.entry("democratic republic of congo", "COD"), Map.entry("zaire", "COD"),
            Map.entry("congo brazzaville", "COG"), Map.entry("republic of congo", "COG"),
            Map.entry("uk", "GBR"), Map.entry("britain", "GBR"), Map.entry("great britain", "GBR"),
            Map.entry("england", "GBR"),
            Map.entry("us", "USA"), Map.entry("usa", "USA"), Map.entry("america", "USA"),
            Map.entry("united states of america", "USA"),
            Map.entry("holland", "NLD"), Map.entry("the netherlands", "NLD"),
            Map.entry("russian federation", "RUS"), Map.entry("uae", "ARE"), Map.entry("emirates", "ARE"),
            Map.entry("car", "CAF"), Map.entry("burma", "MMR"), Map.entry("east timor", "TLS"),
            Map.entry("swaziland", "SWZ"), Map.entry("czech republic", "CZE"), Map.entry("turkey", "TUR"),
            Map.entry("turkiye", "TUR"), Map.entry("macedonia", "MKD"), Map.entry("cape verde", "CPV"),
            Map.entry("vatican", "VAT"), Map.entry("sao tome", "STP"), Map.entry("the gambia", "GMB"),
            Map.entry("viet nam", "VNM"), Map.entry("lao pdr", "LAO"), Map.entry("persia", "IRN"),
            Map.entry("un", "UN"), Map.entry("eu", "EU"), Map.entry("au", "AU"));

    private SearchAliases() {
    }

    /**
     * A text as aliases and names are compared: accents dropped, lower case, every run of other characters one
     * space ("Côte d'Ivoire" is "cote d ivoire").
     */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
    }

    /** The keys a text names as a whole (empty or one). */
    static List<String> keysFor(String text) {
        String key = ALIASES.get(normalise(text));
        return key == null ? List.of() : List.of(key);
    }
}
