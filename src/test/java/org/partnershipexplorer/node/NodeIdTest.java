package org.partnershipexplorer.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.ErrorCode;

@DisplayName("a Node id is read apart into the kind it names and its loader's key")
class NodeIdTest {

    @Test
    @DisplayName("a key without ':' is an actor's in capitals, a ministerial's, pledge's or source's in lower case")
    void keysWithoutKind() {
        assertEquals(new NodeId(NodeId.Kind.ACTOR, "KEN", "KEN", null), NodeId.parse("KEN"));
        assertEquals(new NodeId(NodeId.Kind.ACTOR, "CUNPK-AFRICA", "CUNPK-AFRICA", null), NodeId.parse("CUNPK-AFRICA"));
        assertEquals(new NodeId(NodeId.Kind.SLUG, "seoul-2021", "seoul-2021", null), NodeId.parse("seoul-2021"));
    }

    @Test
    @DisplayName("a kind first: missions and programmes by their key, deployments by iso3 and date, relationships by the whole id")
    void kindFirst() {
        assertEquals(new NodeId(NodeId.Kind.MISSION, "MISSION:UNOSOM II", "UNOSOM II", null),
                NodeId.parse("MISSION:UNOSOM II"));
        assertEquals(new NodeId(NodeId.Kind.PROGRAM, "PROGRAM:TPP", "TPP", null), NodeId.parse("PROGRAM:TPP"));
        assertEquals(new NodeId(NodeId.Kind.DEPLOYMENT, "DEPLOYMENT:KEN:2021-01-31", "KEN", "2021-01-31"),
                NodeId.parse("DEPLOYMENT:KEN:2021-01-31"));
        assertEquals(NodeId.Kind.MEMBERSHIP, NodeId.parse("MEMBERSHIP:KEN:AU").kind());
        assertEquals("CONTRIBUTION:KEN:MONUSCO:2021", NodeId.parse("CONTRIBUTION:KEN:MONUSCO:2021").key());
        assertEquals(NodeId.Kind.TRAINING, NodeId.parse("TRAINING:JPN:KEN:2015").kind());
        assertEquals(NodeId.Kind.TRAINING, NodeId.parse("TRAINING:JPN:KEN:2015:TPP").kind());
        assertEquals(NodeId.Kind.ATTENDANCE, NodeId.parse("ATTENDANCE:USA:new-york-2015").kind());
    }

    @Test
    @DisplayName("a donation's item is free text after the year, ':' and all")
    void donationItemMayHoldColons() {
        NodeId id = NodeId.parse("DONATION:KOR:KEN:2021:helicopters: 2 x 500MD");
        assertEquals(NodeId.Kind.DONATION, id.kind());
        assertEquals("DONATION:KOR:KEN:2021:helicopters: 2 x 500MD", id.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ken", "KEN ", "seoul_2021", "FOO:BAR", "ACTOR:KEN", "SLUG:seoul-2021", "MISSION:",
            "MISSION:unmiss", "MISSION:A:B", "DEPLOYMENT:KEN:2021-02-30", "DEPLOYMENT:KEN:31.01.2021",
            "CONTRIBUTION:KEN:MONUSCO", "CONTRIBUTION:KEN:MONUSCO:21", "TRAINING:JPN:KEN", "TRAINING:JPN:KEN:2015:tpp",
            "DONATION:KOR:KEN:2021", "DONATION:KOR:KEN:2021: ", "MEMBERSHIP:KENYA:AU", "ATTENDANCE:USA:NEW-YORK",
            "KEN\u0000", "mission:UNMISS"})
    @DisplayName("text that is no id of any kind is BAD_USER_INPUT on the argument id")
    void malformed(String text) {
        ApiException e = assertThrows(ApiException.class, () -> NodeId.parse(text));
        assertEquals(ErrorCode.BAD_USER_INPUT, e.code());
        assertEquals("id", e.extensions().get("argument"));
    }

    @Test
    @DisplayName("the message names the id and the shapes an id has, and repeats at most 40 characters of it")
    void messageSaysWhy() {
        ApiException e = assertThrows(ApiException.class, () -> NodeId.parse("FOO:" + "x".repeat(100)));
        assertEquals("id: '" + "FOO:" + "x".repeat(36) + "...' is no id: 'FOO' is no kind of object; an id is an iso3"
                + " or organisation code (KEN, EU), a ministerial, pledge or source id (seoul-2021), or a kind and its"
                + " key cells (MISSION:UNMISS, PROGRAM:TPP, MEMBERSHIP:KEN:AU, DEPLOYMENT:KEN:2024-12-31,"
                + " CONTRIBUTION:KEN:UNMISS:2021, TRAINING:KOR:VNM:2021[:program], DONATION:JPN:KEN:2019:item,"
                + " ATTENDANCE:KOR:seoul-2021)", e.getMessage());
    }
}
