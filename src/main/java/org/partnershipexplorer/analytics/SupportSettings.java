package org.partnershipexplorer.analytics;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The support-need score's knobs ({@code explorer.support.*}; defaults in application.yml, explained in
 * ANALYTICS.md "The support-need score").
 *
 * @param windowYears       support counts when it overlaps the year asked and the {@code windowYears - 1} before
 *                          it: a course given two years ago still supports a contingent today
 * @param targetProviders   with this many distinct providers, a contributor's personnel no longer counts against it
 * @param personnelHalfLoad personnel at which the personnel load is 0.5 (load = p / (p + half))
 * @param missionsHalfLoad  missions at which the load is 0.5, where no dated UN total stands for personnel
 * @param weights           each reason's weight in the score
 * @param suggestion        the weights of a partner suggestion's score
 */
@ConfigurationProperties("explorer.support")
public record SupportSettings(int windowYears, int targetProviders, int personnelHalfLoad, int missionsHalfLoad,
        Weights weights, Suggestion suggestion) {

    /** The weight of each reason (SupportReasonCode); only their ratios matter, see {@link SupportScore}. */
    @ConfigurationProperties("weights")
    public record Weights(double noSupport, double singleProvider, double smallComponent, double peersWellSupported,
            double highPersonnelLowSupport) {
    }

    /** The weight of each signal in a partner suggestion's score. */
    @ConfigurationProperties("suggestion")
    public record Suggestion(double adamicAdar, double commonNeighbours, double sharedMissions, double sameRegion,
            double pastDeliveries) {
    }

    /** The values of application.yml, for pure tests; SupportSettingsIT checks that the two agree. */
    public static SupportSettings defaults() {
        return new SupportSettings(3, 3, 1000, 2,
                new Weights(0.35, 0.15, 0.15, 0.15, 0.20),
                new Suggestion(1.0, 0.5, 1.0, 0.5, 1.0));
    }

    /** Checked at start: a window under a year or a negative weight would make the score meaningless. */
    public SupportSettings {
        if (windowYears < 1 || targetProviders < 1 || personnelHalfLoad < 1 || missionsHalfLoad < 1) {
            throw new IllegalArgumentException("explorer.support: window-years, target-providers, personnel-half-load"
                    + " and missions-half-load must be at least 1");
        }
        if (weights == null || suggestion == null) {
            throw new IllegalArgumentException("explorer.support.weights and explorer.support.suggestion must be set");
        }
        double[] all = {weights.noSupport, weights.singleProvider, weights.smallComponent,
            weights.peersWellSupported, weights.highPersonnelLowSupport, suggestion.adamicAdar,
            suggestion.commonNeighbours, suggestion.sharedMissions, suggestion.sameRegion, suggestion.pastDeliveries};
        for (double w : all) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("explorer.support: every weight must be a finite number >= 0");
            }
        }
    }
}
