package org.partnershipexplorer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.provenance.Confidence;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

@DisplayName("Writing a slice as GraphML, CSV and JSON")
class NetworkExportTest {

    // Awkward on purpose: markup, quotes, commas and a line break must survive both formats.
    private static final Network SLICE = new Network(
            List.of(new NetworkNode("KEN", NetworkNodeKind.COUNTRY, "Kenya", "Africa", 162, "2021-01-31",
                            Confidence.VERIFIED, "UN DPO, \"ranking\""),
                    new NetworkNode("UN", NetworkNodeKind.ORGANIZATION, "United <Nations> & co", null, null, null,
                            Confidence.VERIFIED, "https://www.un.org/")),
            List.of(new NetworkEdge("DONATION:UN:KEN:2021:trucks, \"heavy\"", "UN", "KEN", NetworkEdgeKind.DONATION,
                    2021, null, "trucks, \"heavy\"\nand spares", Confidence.ILLUSTRATIVE, "none")));

    @Test
    @DisplayName("GraphML parses back with the same ids, endpoints, typed attributes and escaped text")
    void graphmlRoundTrip() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(NetworkExport.graphml(SLICE))));
        assertEquals(2, doc.getElementsByTagNameNS(NetworkExport.GRAPHML_NS, "node").getLength());
        Element graph = (Element) doc.getElementsByTagNameNS(NetworkExport.GRAPHML_NS, "graph").item(0);
        assertEquals("directed", graph.getAttribute("edgedefault"));
        Element edge = (Element) doc.getElementsByTagNameNS(NetworkExport.GRAPHML_NS, "edge").item(0);
        assertEquals("DONATION:UN:KEN:2021:trucks, \"heavy\"", edge.getAttribute("id"));
        assertEquals("UN", edge.getAttribute("source"));
        assertEquals("KEN", edge.getAttribute("target"));
        Element un = (Element) doc.getElementsByTagNameNS(NetworkExport.GRAPHML_NS, "node").item(1);
        assertEquals("United <Nations> & co", un.getElementsByTagNameNS(NetworkExport.GRAPHML_NS, "data").item(0)
                .getTextContent());
        assertEquals(4, un.getElementsByTagNameNS(NetworkExport.GRAPHML_NS, "data").getLength(),
                "absent values (region, personnel, its date) are left out, not written empty");
        Element personnelKey = (Element) doc.getElementsByTagNameNS(NetworkExport.GRAPHML_NS, "key").item(3);
        assertEquals("personnel", personnelKey.getAttribute("attr.name"));
        assertEquals("int", personnelKey.getAttribute("attr.type"));
    }

    @Test
    @DisplayName("the CSV tables quote commas, quotes and line breaks, and leave absent values empty")
    void csv() throws Exception {
        List<CSVRecord> nodes = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(NetworkExport.nodesCsv(SLICE))).getRecords();
        assertEquals(2, nodes.size());
        assertEquals("UN DPO, \"ranking\"", nodes.get(0).get("source"));
        assertEquals("162", nodes.get(0).get("personnel"));
        assertEquals("", nodes.get(1).get("personnel"));
        List<CSVRecord> edges = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(NetworkExport.edgesCsv(SLICE))).getRecords();
        assertEquals(1, edges.size());
        assertEquals("trucks, \"heavy\"\nand spares", edges.get(0).get("label"));
        assertEquals("Directed", edges.get(0).get("type"));
        assertEquals("illustrative", edges.get(0).get("confidence"));
    }

    @Test
    @DisplayName("JSON has the shape of Query.network, nulls kept")
    void json() {
        String json = NetworkExport.json(SLICE);
        assertEquals(true, json.startsWith("{\"nodes\":[{\"id\":\"KEN\",\"kind\":\"COUNTRY\",\"label\":\"Kenya\""), json);
        assertEquals(true, json.contains("\"region\":null"), json);
        assertEquals(true, json.contains("\"sourceRef\":\"none\""), json);
    }
}
